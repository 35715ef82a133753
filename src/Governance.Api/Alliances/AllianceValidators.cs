using FluentValidation;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Alliances;

namespace Governance.Api.Alliances;

// Shape only: required fields, formats, lengths. The rules (R13, R16 …) are the decider's.

internal static class Rules
{
    public const int NameLength = 200;
    public const int TextLength = 2000;

    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(v => PartnerId.TryParse(v, out _))
            .WithMessage("Use lower-case letters, digits and hyphens (at most 100), e.g. 'osdorp-de-punt'.");

    public static IRuleBuilderOptions<T, string?> Person<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(p => PersonId.TryParse(p, out _)).WithMessage("A person id is 'p-' and 12 lower-case hex digits.");

    public static IRuleBuilderOptions<T, string?> OneOf<T, TEnum>(this IRuleBuilder<T, string?> rule) where TEnum : struct, Enum =>
        rule.NotEmpty().Must(v => Kebab.TryParse<TEnum>(v, out _)).WithMessage($"Use one of: {string.Join(", ", Kebab.All<TEnum>())}.");

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().MaximumLength(max).Clean();
}

public sealed class FoundAllianceValidator : AbstractValidator<FoundAllianceRequest>
{
    public FoundAllianceValidator()
    {
        RuleFor(r => r.Id).Slug();
        RuleFor(r => r.Name).Text(Rules.NameLength);
        RuleFor(r => r.Neighbourhood).Text(Rules.NameLength);
    }
}

public sealed class AdmitPartnerValidator : AbstractValidator<AdmitPartnerRequest>
{
    public AdmitPartnerValidator()
    {
        RuleFor(r => r.Id).Slug();
        RuleFor(r => r.Name).Text(Rules.NameLength);
        RuleFor(r => r.Kind).OneOf<AdmitPartnerRequest, PartnerKind>();
        RuleFor(r => r.Body).OneOf<AdmitPartnerRequest, PartnerBody>();
    }
}

public sealed class PartnerDepartureValidator : AbstractValidator<PartnerDepartureRequest>
{
    public PartnerDepartureValidator() => RuleFor(r => r.Reason).Text(Rules.TextLength);
}

public sealed class AppointRepresentativeValidator : AbstractValidator<AppointRepresentativeRequest>
{
    public AppointRepresentativeValidator()
    {
        RuleFor(r => r.Person).Person();
        RuleFor(r => r.Partner).Slug();
        RuleFor(r => r.HasMandate).NotNull();
    }
}

public sealed class WithdrawRepresentativeValidator : AbstractValidator<WithdrawRepresentativeRequest>
{
    public WithdrawRepresentativeValidator() => RuleFor(r => r.Partner).Slug();
}

public sealed class AppointOfficerValidator : AbstractValidator<AppointOfficerRequest>
{
    public AppointOfficerValidator()
    {
        RuleFor(r => r.Office).OneOf<AppointOfficerRequest, Office>();
        RuleFor(r => r.Person).Person();
        RuleFor(r => r.DeclaresNoDirectInterest).NotNull();
    }
}

public sealed class VacateOfficeValidator : AbstractValidator<VacateOfficeRequest>
{
    public VacateOfficeValidator() => RuleFor(r => r.Reason).Text(Rules.TextLength);
}

public sealed class EscalationContactValidator : AbstractValidator<EscalationContactRequest>
{
    public EscalationContactValidator() => RuleFor(r => r.Person).Person();
}

public sealed class DeclareInterestValidator : AbstractValidator<DeclareInterestRequest>
{
    public DeclareInterestValidator()
    {
        RuleFor(r => r.Person).Person();
        RuleFor(r => r.Kind).OneOf<DeclareInterestRequest, InterestKind>();
        RuleFor(r => r.Description).Text(Rules.TextLength);
        RuleFor(r => r.Partner).Must(v => PartnerId.TryParse(v, out _)).When(r => r.Partner is not null).WithMessage("Use the partner's id, e.g. 'ymere'.");
        RuleFor(r => r.Organisation).MaximumLength(Rules.NameLength);
    }
}

public sealed class AmendAgreementsValidator : AbstractValidator<AmendAgreementsRequest>
{
    public AmendAgreementsValidator()
    {
        RuleFor(r => r.Agreements).NotNull();
        RuleFor(r => r.DecisionReference).Text(Rules.TextLength);
    }
}
