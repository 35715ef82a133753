using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Governance.Api.Auth;

/// <summary>
/// The data-protection key ring in <c>app.data_protection_keys</c>, so that every app node reads the same keys: a
/// cookie or antiforgery token issued by one node is accepted by the others and survives a restart.
/// The interface is synchronous; the key manager calls it rarely (start-up, key roll-over) and caches the ring.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var cmd = dataSource.CreateCommand("select xml from app.data_protection_keys order by id");
        using var reader = cmd.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var cmd = dataSource.CreateCommand("insert into app.data_protection_keys (friendly_name, xml) values ($1, $2)");
        cmd.Parameters.Add(new() { Value = friendlyName });
        cmd.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        cmd.ExecuteNonQuery();
    }
}
