using System.Reflection;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>The domain holds the rules and stays free of ASP.NET Core and of the data layer.</summary>
public class DomainArchitectureTests
{
    private static readonly string[] ForbiddenNamespaces =
    [
        "Microsoft.AspNetCore",
        "Microsoft.EntityFrameworkCore",
        "SafeguardingLearning.Web.Data",
        "SafeguardingLearning.Web.Features",
        "SafeguardingLearning.Web.Operations",
    ];

    private static readonly Type[] DomainTypes = typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith("SafeguardingLearning.Web.Domain", StringComparison.Ordinal) == true)
        .ToArray();

    [Fact]
    public void Domain_types_do_not_use_aspnetcore_or_the_data_layer_in_their_signatures()
    {
        Assert.NotEmpty(DomainTypes);
        var offending =
            from type in DomainTypes
            from used in SignatureTypes(type)
            where ForbiddenNamespaces.Any(ns => used.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true)
            select $"{type.FullName} uses {used.FullName}";
        Assert.Empty(offending);
    }

    [Fact]
    public void Domain_source_files_do_not_name_aspnetcore_or_the_data_layer()
    {
        var domainFolder = Path.Combine(RepositoryRoot(), "src", "SafeguardingLearning.Web", "Domain");
        var offending =
            from file in Directory.EnumerateFiles(domainFolder, "*.cs", SearchOption.AllDirectories)
            from line in File.ReadLines(file)
            where ForbiddenNamespaces.Any(ns => line.Contains(ns, StringComparison.Ordinal))
            select $"{Path.GetFileName(file)}: {line.Trim()}";
        Assert.Empty(offending);
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SafeguardingLearning.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found");
    }
}
