namespace Governance.Api.Presentation;

/// <summary>One step of the breadcrumb trail (partial _Kruimelpad); the last one, without a link, is the page itself.</summary>
public sealed record Crumb(string Label, string? Href = null)
{
    public static Crumb Home { get; } = new("Home", "/");

    public static Crumb Alliances { get; } = new("Allianties", "/allianties");
}
