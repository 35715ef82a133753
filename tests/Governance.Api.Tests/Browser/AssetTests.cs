using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.Api.Tests.Browser;

/// <summary>What the build puts in wwwroot: only openly licensed assets, and a value for every token the CSS reads.</summary>
public sealed partial class AssetTests
{
    // The City's tokens (with the Amsterdam Sans font) and assets (logo, icons) packages are proprietary.
    private static readonly string[] ProprietaryMarkers = ["design-system-tokens", "design-system-assets", "AmsterdamSans", "Amsterdam Sans"];

    [Fact]
    public void No_file_in_wwwroot_references_a_proprietary_City_asset()
    {
        var files = Directory.EnumerateFiles(RepositoryFiles.WebRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".woff2", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("lib", "ams", "components.css"), StringComparison.Ordinal));

        var offending = (from file in files
                         let text = File.ReadAllText(file)
                         from marker in ProprietaryMarkers
                         where text.Contains(marker, StringComparison.OrdinalIgnoreCase)
                         select $"{Path.GetRelativePath(RepositoryFiles.Root, file)}: {marker}").ToList();
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("src/Governance.Api/package-lock.json")]
    [InlineData("tests/Governance.Api.Tests/package-lock.json")]
    public void No_lockfile_installs_a_proprietary_City_package(string lockfile)
    {
        using var lockJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, lockfile)));
        var packages = lockJson.RootElement.GetProperty("packages").EnumerateObject().ToList();

        // @amsterdam/design-system-css declares the two as peers; the lockfile may record that declaration,
        // but no package may be installed for it (.npmrc: legacy-peer-deps) nor depend on it for real.
        var installed = packages.Select(p => p.Name).Where(name => ProprietaryMarkers.Any(m => name.Contains(m, StringComparison.Ordinal)));
        Assert.Empty(installed);
        var dependedOn = from package in packages
                         from kind in new[] { "dependencies", "devDependencies", "optionalDependencies" }
                         where package.Value.TryGetProperty(kind, out _)
                         from dependency in package.Value.GetProperty(kind).EnumerateObject()
                         where ProprietaryMarkers.Any(m => dependency.Name.Contains(m, StringComparison.Ordinal))
                         select $"{package.Name} {kind} {dependency.Name}";
        Assert.Empty(dependedOn);
        Assert.False(Directory.Exists(Path.Combine(RepositoryFiles.ApiProject, "node_modules", "@amsterdam", "design-system-tokens")));
        Assert.False(Directory.Exists(Path.Combine(RepositoryFiles.ApiProject, "node_modules", "@amsterdam", "design-system-assets")));
    }

    [Fact]
    public void Tokens_css_defines_every_custom_property_the_served_design_system_css_reads()
    {
        var components = File.ReadAllText(Path.Combine(RepositoryFiles.WebRoot, "lib", "ams", "components.css"));
        var ours = string.Concat(new[] { "tokens.css", "site.css" }.Select(f => File.ReadAllText(Path.Combine(RepositoryFiles.WebRoot, "css", f))));

        var defined = Definition().Matches(components + ours).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        // var(--x, fallback) works without --x; a bare var(--x) renders nothing sensible when --x is missing.
        var missing = Usage().Matches(components + ours)
            .Where(m => !m.Groups["fallback"].Success)
            .Select(m => m.Groups[1].Value)
            .Where(name => !defined.Contains(name))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Add these to wwwroot/css/tokens.css: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"(--[a-z0-9_-]+)\s*:")]
    private static partial Regex Definition();

    [GeneratedRegex(@"var\(\s*(--[a-z0-9_-]+)\s*(?:/\*.*?\*/)?\s*(?<fallback>,)?")]
    private static partial Regex Usage();
}
