using Microsoft.Extensions.Configuration;
using Serilog;

namespace SafeguardingLearning.UnitTests.Operations;

public class LoggingConfigurationTests
{
    [Fact]
    public void A_rolling_file_is_written_when_one_is_configured()
    {
        var folder = Directory.CreateTempSubdirectory("sl-logs-");
        try
        {
            var configuration = new ConfigurationBuilder()
                .SetBasePath(Path.Combine(DomainArchitectureRoot(), "src", "SafeguardingLearning.Web"))
                .AddJsonFile("appsettings.json")
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Serilog:WriteTo:1:Name"] = "File",
                    ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder.FullName, "app-.log"),
                    ["Serilog:WriteTo:1:Args:rollingInterval"] = "Day",
                })
                .Build();

            using (var logger = new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger())
            {
                logger.Information("Rapid review clock checked");
            }

            var file = Assert.Single(folder.GetFiles("app-*.log"));
            Assert.Contains("Rapid review clock checked", File.ReadAllText(file.FullName), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string DomainArchitectureRoot() => Domain.DomainArchitectureTests.RepositoryRoot();
}
