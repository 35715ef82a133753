namespace Governance.Domain;

/// <summary>
/// An identifier value object. The host writes every <see cref="IIdentifier"/> as its plain string
/// and reads it back through the type's <see cref="IParsable{TSelf}"/> implementation.
/// </summary>
public interface IIdentifier
{
    string Value { get; }
}
