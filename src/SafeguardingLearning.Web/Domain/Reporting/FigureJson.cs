using System.Text.Json;

namespace SafeguardingLearning.Web.Domain.Reporting;

/// <summary>Figures written down (stored for reading, frozen in an approved report) and read back exactly.</summary>
public static class FigureJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<FigureSection> sections) => JsonSerializer.Serialize(sections, Options);

    public static List<FigureSection> Read(string json) => JsonSerializer.Deserialize<List<FigureSection>>(json, Options) ?? [];
}
