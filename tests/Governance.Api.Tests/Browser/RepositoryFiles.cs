namespace Governance.Api.Tests.Browser;

/// <summary>Paths in the source tree, found from the test binaries by walking up to Governance.sln.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ApiProject => Path.Combine(Root, "src", "Governance.Api");

    /// <summary>The app's wwwroot, with lib/ as the build generated it. The server under test serves from here.</summary>
    public static string WebRoot => Path.Combine(ApiProject, "wwwroot");

    /// <summary>
    /// The source of the decider <paramref name="name"/> in src/Governance.Domain/<paramref name="folder"/>: its file and its
    /// partial files by job (<c>Meeting.cs</c>, <c>Meeting.Agenda.cs</c>, …), one after the other.
    /// </summary>
    public static string DeciderSource(string folder, string name)
    {
        var directory = Path.Combine(Root, "src", "Governance.Domain", folder);
        return string.Concat(new[] { Path.Combine(directory, name + ".cs") }
            .Concat(Directory.GetFiles(directory, name + ".*.cs").Order(StringComparer.Ordinal))
            .Select(File.ReadAllText));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Governance.sln above {AppContext.BaseDirectory}.");
    }
}
