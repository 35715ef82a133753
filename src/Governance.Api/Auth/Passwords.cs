using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Auth;

/// <summary>Password hashing with ASP.NET Core Identity's hasher (PBKDF2, format V3), and generated passwords.</summary>
public static class Passwords
{
    public const int MinimumLength = 10;

    // No letters or digits that read alike (l/1/I, O/0): generated passwords are read off a terminal and typed.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // The hasher ignores the user object; one shared instance is enough. The Identity default work factor (PBKDF2-SHA512,
    // 100,000 iterations); every hash names its own count, so a hash verifies whatever the current count is.
    private static PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    // Unknown e-mail addresses are checked against this, so a miss costs as much time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Generate()));

    public static string Hash(string password) => Hasher.HashPassword(Subject, password);

    public static PasswordVerificationResult Verify(string? hash, string password)
    {
        if (hash is null)
        {
            Hasher.VerifyHashedPassword(Subject, DecoyHash.Value, password);
            return PasswordVerificationResult.Failed;
        }
        return Hasher.VerifyHashedPassword(Subject, hash, password);
    }

    /// <summary>16 characters from a 56-letter alphabet: about 93 bits.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 16);

    /// <summary>
    /// For the test projects only (InternalsVisibleTo): a lower work factor for the hashes made from now on in this process.
    /// The API tests create and sign in hundreds of accounts; at the production count each costs ~0.1-0.2 s of CPU. Nothing in
    /// the app calls this, and no configuration reaches it.
    /// </summary>
    internal static void UseIterationCountInTests(int iterations) =>
        Hasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = iterations }));

    /// <summary>Warms the decoy hash so the first unknown-address attempt is not measurably faster or slower.</summary>
    internal static void Warm() => _ = DecoyHash.Value;
}
