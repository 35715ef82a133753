using System.Runtime.CompilerServices;
using Governance.Api.Auth;

namespace Governance.Api.Tests;

/// <summary>Settings for the whole test process, made once when the test assembly loads.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Passwords hashed with 1,000 PBKDF2 iterations instead of the production 100,000: the suite creates and signs in
    /// hundreds of accounts, and each hash at the production count costs ~0.1-0.2 s of CPU on a two-core machine. The hash
    /// format and every check on it stay the same (the count is part of each hash). Production code never lowers it.
    /// </summary>
#pragma warning disable CA2255 // a test assembly, not a library: it must be in force before any test's first account
    [ModuleInitializer]
    internal static void Initialize() => Passwords.UseIterationCountInTests(1_000);
#pragma warning restore CA2255
}
