using FluentValidation;
using Governance.Api.Commitments;
using Governance.Api.Meetings;
using Governance.Domain.Escalations;

namespace Governance.Api.Escalations;

public sealed class RaiseEscalationValidator : AbstractValidator<RaiseEscalationRequest>
{
    public RaiseEscalationValidator()
    {
        RuleFor(r => r.Id).Id(EscalationId.MaxLength);
        RuleFor(r => r.Subject).NotNull();
        RuleFor(r => r.Subject!.Kind).OneOf<RaiseEscalationRequest, EscalationSubjectKind>().When(r => r.Subject is not null).OverridePropertyName("subject.kind");
        RuleFor(r => r.Subject!.Reference).MaximumLength(MeetingRules.NameLength).When(r => r.Subject is not null).OverridePropertyName("subject.reference");
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class EscalationResponseValidator : AbstractValidator<EscalationResponseRequest>
{
    public EscalationResponseValidator() => RuleFor(r => r.Response).Text(MeetingRules.TextLength);
}

public sealed class EscalationAdviceValidator : AbstractValidator<EscalationAdviceRequest>
{
    public EscalationAdviceValidator()
    {
        RuleFor(r => r.Advice).Text(MeetingRules.TextLength);
        RuleFor(r => r.Solicited).NotNull();
    }
}

public sealed class EscalationReasonValidator : AbstractValidator<EscalationReasonRequest>
{
    public EscalationReasonValidator() => RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
}

public sealed class ResolveEscalationValidator : AbstractValidator<ResolveEscalationRequest>
{
    public ResolveEscalationValidator()
    {
        RuleFor(r => r.Outcome).Text(MeetingRules.TextLength);
        RuleForEach(r => r.Settles).NotEmpty().MaximumLength(MeetingRules.NameLength).When(r => r.Settles is not null);
    }
}
