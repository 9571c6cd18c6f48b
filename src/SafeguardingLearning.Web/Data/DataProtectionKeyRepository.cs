using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace SafeguardingLearning.Web.Data;

/// <summary>A Data Protection key, kept in the database so every instance and every restart shares it.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = string.Empty;

    public string Xml { get; set; } = string.Empty;
}

/// <summary>
/// The key ring over the DbContext (the EF Core key-store package is not in the registry here).
/// Keys are few and read rarely (the key ring is cached), so a fresh scope per call is fine.
/// </summary>
internal sealed class DataProtectionKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
