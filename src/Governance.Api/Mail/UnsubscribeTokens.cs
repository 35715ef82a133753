using System.Security.Cryptography;
using Governance.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace Governance.Api.Mail;

/// <summary>
/// The one-click unsubscribe link's token (RFC 8058): a person and a kind of mail, protected with the key ring every node
/// shares (ASP.NET Core data protection), so it works without signing in and nobody can make one for someone else.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Governance.Mail.Unsubscribe.v1");

    public const string Path = "/afmelden";

    public string Issue(PersonId person, MailKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return _protector.Protect($"{person.Value}|{kind.Id}");
    }

    public Uri Link(Uri site, PersonId person, MailKind kind) => new(site, $"{Path}?t={Uri.EscapeDataString(Issue(person, kind))}");

    public bool TryRead(string? token, out PersonId person, out MailKind kind)
    {
        person = default;
        kind = null!;
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return false;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || !PersonId.TryParse(parts[0], out person) || MailKinds.Find(parts[1]) is not { } found) return false;
        kind = found;
        return true;
    }
}
