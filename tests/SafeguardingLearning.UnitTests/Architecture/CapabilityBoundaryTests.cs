using System.Reflection;
using SafeguardingLearning.UnitTests.Domain;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.UnitTests.Architecture;

/// <summary>
/// A capability is one folder: the scheduler and the data layer read what every capability
/// registers and never name a capability, so adding one touches nothing in them.
/// </summary>
public class CapabilityBoundaryTests
{
    private const string Features = "SafeguardingLearning.Web.Features";

    [Theory]
    [InlineData("Scheduling")]
    [InlineData("Data")]
    public void Shared_layers_source_does_not_reference_the_feature_folders(string folder)
    {
        var root = Path.Combine(DomainArchitectureTests.RepositoryRoot(), "src", "SafeguardingLearning.Web", folder);
        var offending =
            from file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            from line in File.ReadLines(file)
            where line.Contains(Features, StringComparison.Ordinal)
            select $"{Path.GetRelativePath(root, file)}: {line.Trim()}";
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("SafeguardingLearning.Web.Scheduling")]
    [InlineData("SafeguardingLearning.Web.Data")]
    public void Shared_layers_types_do_not_use_feature_types(string layer)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = typeof(AppDbContext).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith(layer, StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(types);
        var offending =
            from type in types
            from used in type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            where used.Namespace?.StartsWith(Features, StringComparison.Ordinal) == true
            select $"{type.FullName} uses {used.FullName}";
        Assert.Empty(offending);
    }
}
