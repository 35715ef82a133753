using FluentValidation;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Meetings;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.Meetings;

// Shape only: required fields, formats, lengths. The rules (R1–R7, R15, R17–R19) are the decider's.

internal static class MeetingRules
{
    public const int NameLength = 200;
    public const int TextLength = 2000;

    private static readonly LocalDateTimePattern[] Patterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
    ];

    /// <summary>Europe/Amsterdam civil time as "2026-03-10T19:30" (seconds optional); no offset, since the zone is fixed.</summary>
    public static bool TryParseLocal(string? text, out LocalDateTime value)
    {
        foreach (var pattern in Patterns)
        {
            if (text is not null && pattern.Parse(text) is { Success: true } result)
            {
                value = result.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static IRuleBuilderOptions<T, string?> Local<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(v => TryParseLocal(v, out _)).WithMessage("Use Amsterdam civil time as 'yyyy-MM-ddTHH:mm', e.g. '2026-03-10T19:30'.");

    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(v => PartnerId.TryParse(v, out _))
            .WithMessage("Use lower-case letters, digits and hyphens, e.g. 'verkeersveiligheid'.");

    public static IRuleBuilderOptions<T, string?> MeetingSlug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => MeetingId.TryParse(v, out _))
            .WithMessage($"Use lower-case letters, digits and hyphens (at most {MeetingId.MaxLength}), e.g. '2026-03-10-wijkalliantie'.");

    public static IRuleBuilderOptions<T, string?> OneOf<T, TEnum>(this IRuleBuilder<T, string?> rule) where TEnum : struct, Enum =>
        rule.NotEmpty().Must(v => Kebab.TryParse<TEnum>(v, out _)).WithMessage($"Use one of: {string.Join(", ", Kebab.All<TEnum>())}.");

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().MaximumLength(max).Clean();
}

public sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeetingRequest>
{
    public ScheduleMeetingValidator()
    {
        RuleFor(r => r.Id).NotEmpty().MeetingSlug();
        RuleFor(r => r.Kind).OneOf<ScheduleMeetingRequest, MeetingKind>();
        RuleFor(r => r.Start).Local();
        RuleFor(r => r.End).Local();
        RuleFor(r => r.Place).Text(MeetingRules.NameLength);
    }
}

public sealed class RescheduleMeetingValidator : AbstractValidator<RescheduleMeetingRequest>
{
    public RescheduleMeetingValidator()
    {
        RuleFor(r => r.Start).Local();
        RuleFor(r => r.End).Local();
        RuleFor(r => r.Place).Text(MeetingRules.NameLength);
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class CancelMeetingValidator : AbstractValidator<CancelMeetingRequest>
{
    public CancelMeetingValidator() => RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
}

public sealed class ProposeAgendaItemValidator : AbstractValidator<ProposeAgendaItemRequest>
{
    public ProposeAgendaItemValidator()
    {
        RuleFor(r => r.Id).Slug();
        RuleFor(r => r.Partner).Slug();
        RuleFor(r => r.Title).Text(MeetingRules.NameLength);
        RuleFor(r => r.Kind).OneOf<ProposeAgendaItemRequest, AgendaItemKind>();
        RuleFor(r => r.CarriedOverFrom).MeetingSlug().When(r => r.CarriedOverFrom is not null);
    }
}

public sealed class DeferAgendaItemValidator : AbstractValidator<DeferAgendaItemRequest>
{
    public DeferAgendaItemValidator()
    {
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
        RuleFor(r => r.To).MeetingSlug().When(r => r.To is not null);
    }
}

public sealed class RejectAgendaItemValidator : AbstractValidator<RejectAgendaItemRequest>
{
    public RejectAgendaItemValidator() => RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
}

public sealed class AnnounceValidator : AbstractValidator<AnnounceRequest>
{
    public AnnounceValidator() => RuleFor(r => r.Channel).OneOf<AnnounceRequest, AnnouncementChannel>();
}

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendanceRequest>
{
    public RecordAttendanceValidator()
    {
        RuleFor(r => r.Person).NotEmpty().Must(p => PersonId.TryParse(p, out _)).WithMessage("A person id is 'p-' and 12 lower-case hex digits.");
        RuleFor(r => r.Partner).Slug();
    }
}

public sealed class WithdrawAttendanceValidator : AbstractValidator<WithdrawAttendanceRequest>
{
    public WithdrawAttendanceValidator() => RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
}

public sealed class CorrectAttendanceValidator : AbstractValidator<CorrectAttendanceRequest>
{
    public CorrectAttendanceValidator()
    {
        RuleFor(r => r.Partner).Slug();
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}

public sealed class ExtendDeadlineValidator : AbstractValidator<ExtendDeadlineRequest>
{
    public ExtendDeadlineValidator()
    {
        RuleFor(r => r.Rule).NotEmpty().MaximumLength(10);
        RuleFor(r => r.Item).Slug().When(r => r.Item is not null);
        RuleFor(r => r.Document).Slug().When(r => r.Document is not null);
        RuleFor(r => r.Channel).OneOf<ExtendDeadlineRequest, AnnouncementChannel>().When(r => r.Channel is not null);
        RuleFor(r => r).Must(r => new[] { r.Item, r.Document, r.Channel }.Count(x => x is not null) <= 1)
            .WithName("subject").WithMessage("Name at most one of item, document and channel.");
        RuleFor(r => r.NewDue).NotNull();
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
        RuleFor(r => r.AgreedBy).Must(p => PersonId.TryParse(p, out _)).When(r => r.AgreedBy is not null)
            .WithMessage("A person id is 'p-' and 12 lower-case hex digits.");
    }
}

public sealed class WaiveInformationPeriodValidator : AbstractValidator<WaiveInformationPeriodRequest>
{
    public WaiveInformationPeriodValidator()
    {
        RuleFor(r => r.Partner).Slug();
        RuleFor(r => r.Reason).Text(MeetingRules.TextLength);
    }
}
