namespace Governance.Api.Presentation;

/// <summary>The main menu of every page, in one place so that a new section is added once.</summary>
public static class SiteNavigation
{
    public sealed record Item(string Label, string Path);

    public static readonly IReadOnlyList<Item> Main =
    [
        new("Home", "/"),
        new("Allianties", "/allianties"),
        new("Belangenregister", "/belangenregister"),
        new("Werkafspraken", "/werkafspraken"),
        new("Toegankelijkheid", "/toegankelijkheid"),
    ];

    /// <summary>True when <paramref name="item"/> is the section of the current request (for aria-current).</summary>
    public static bool IsCurrent(this Item item, PathString requestPath) =>
        item.Path == "/" ? requestPath == "/" || requestPath == "/Index" : requestPath.StartsWithSegments(item.Path, StringComparison.OrdinalIgnoreCase);
}
