namespace Governance.Domain.Alliances;

/// <summary>The independent offices of an alliance; each holder declares no direct interest in the neighbourhood (R13).</summary>
public enum Office
{
    /// <summary>Dagvoorzitter.</summary>
    Chair,

    /// <summary>Projectleider wijkalliantie: minutes, year plan, agenda.</summary>
    Secretary,

    /// <summary>Vertrouwenspersoon.</summary>
    Confidant,
}

/// <summary>R16: what an entry of the interest register declares.</summary>
public enum InterestKind
{
    SideActivity,
    Interest,
    SubsidyFlow,
}
