namespace Governance.Api.Presentation;

/// <summary>The main menu of every page, in one place so that a new section is added once.</summary>
public static class SiteNavigation
{
    public sealed record Item(string Label, string Path);

    /// <summary>The list of alliances; the pages of one alliance live under it.</summary>
    public const string AlliancesPath = "/allianties";

    public static readonly IReadOnlyList<Item> Main =
    [
        new("Home", "/"),
        // These four lead straight to the one alliance's page when the ledger holds one alliance, and to a
        // list to choose from otherwise (Alliances/AlliantieKiezen, Meetings/VergaderingenKiezen,
        // Alliances/Belangenregister, Alliances/WerkafsprakenKiezen).
        new("Allianties", "/alliantie"),
        new("Vergaderingen", "/vergaderingen"),
        new("Belangenregister", "/belangenregister"),
        new("Werkafspraken", "/werkafspraken"),
        // The decision register and the advice list (R9), the same way (Proposals/BesluitenKiezen, Proposals/AdviesKiezen).
        new("Besluiten", "/besluiten"),
        new("Advies", "/advies"),
        // Issue 13: promises (R10), deadlines (R1–R7), the year plan and disputes (R12), the same way
        // (Commitments/BeloftesKiezen, Meetings/TermijnenKiezen, YearPlans/JaarplanKiezen); "Geschillen" lists the
        // disputes the signed-in person may see across alliances (Escalations/Geschillen).
        new("Beloftes", "/beloftes"),
        new("Termijnen", "/termijnen"),
        new("Jaarplan", "/jaarplan"),
        new("Geschillen", "/geschillen"),
        new("Toegankelijkheid", "/toegankelijkheid"),
    ];

    /// <summary>The parts of an alliance whose address under /allianties/{alliance}/ is also their menu item's.</summary>
    private static readonly HashSet<string> Sections = new(["besluiten", "advies", "beloftes", "termijnen", "jaarplan", "geschillen"], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="item"/> is the section of the current request (for aria-current).</summary>
    public static bool IsCurrent(this Item item, PathString requestPath) =>
        item.Path == "/"
            ? requestPath == "/" || requestPath == "/Index"
            : string.Equals(SectionOf(requestPath), item.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The menu item a page belongs to: an alliance's meetings, interest register, working agreements, decisions, advice,
    /// promises, deadlines, year plan and disputes belong to those items, the alliance's other pages (and the list) to
    /// "Allianties"; any other page to its first segment.
    /// </summary>
    private static string SectionOf(PathString requestPath)
    {
        var segments = (requestPath.Value ?? "").Trim('/').Split('/');
        if (!string.Equals(segments[0], AlliancesPath[1..], StringComparison.OrdinalIgnoreCase)) return "/" + segments[0];
        return segments.Length >= 3 && segments[2].Equals("vergaderingen", StringComparison.OrdinalIgnoreCase) ? "/vergaderingen"
            : segments.Length >= 3 && segments[2].Equals("belangen", StringComparison.OrdinalIgnoreCase) ? "/belangenregister"
            : segments.Length >= 3 && segments[2].Equals("werkafspraken", StringComparison.OrdinalIgnoreCase) ? "/werkafspraken"
            : segments.Length >= 3 && Sections.Contains(segments[2]) ? "/" + segments[2].ToLowerInvariant()
            : "/alliantie";
    }
}
