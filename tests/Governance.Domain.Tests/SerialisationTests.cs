using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Domain.Alliances;
using NodaTime;
using static Governance.Domain.Tests.Alliances.AllianceFixtures;

namespace Governance.Domain.Tests;

/// <summary>
/// Events must survive the host's System.Text.Json settings (camelCase, kebab-case enums, identifiers as
/// plain strings). The converters here are stand-ins for the host's, just enough to prove the shapes bind.
/// </summary>
public class SerialisationTests
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false),
            new IdentifierConverterFactory(),
            new LocalTimeConverter(),
            new PatternConverter<Instant>(NodaTime.Text.InstantPattern.ExtendedIso),
            new PatternConverter<LocalDateTime>(NodaTime.Text.LocalDateTimePattern.ExtendedIso),
            new PatternConverter<LocalDate>(NodaTime.Text.LocalDatePattern.Iso),
        },
    };

    public static TheoryData<AllianceEvent> OneOfEach =>
    [
        new AllianceFounded(OsdorpDePunt, "Wijkalliantie Osdorp de Punt", "Osdorp de Punt"),
        new WorkingAgreementsAdopted(WorkingAgreements.Default),
        new WorkingAgreementsAmended(WorkingAgreements.Default with { Version = 2, UrgentItems = LeadTime.Hours(24) }, "Besluit 12 maart 2026"),
        Admitted(Bcop),
        Left(Ymere),
        Appointed(Resident, Bcop),
        new RepresentativeMandateChanged(Resident, Bcop, HasMandate: false),
        new RepresentativeWithdrawn(Resident, Bcop),
        Chair(OtherChair, replaces: IndependentChair),
        Chair(IndependentChair),
        new OfficeVacated(Office.Confidant, IndependentChair, "Moved away"),
        new EscalationContactAssigned(ProgrammeContact),
        new EscalationContactUnassigned(ProgrammeContact),
        Declared(SubsidyDeclaration, Resident, partner: Stadsdeel),
        new InterestDeclared(SubsidyDeclaration, Resident, InterestKind.SideActivity, "Board member", null, "Stichting Buurtwerk"),
        new InterestDeclarationEnded(SubsidyDeclaration, Resident),
    ];

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_event_survives_a_round_trip_through_json(AllianceEvent @event)
    {
        var json = JsonSerializer.Serialize(@event, @event.GetType(), Options);

        Assert.Equal(@event, JsonSerializer.Deserialize(json, @event.GetType(), Options));
    }

    [Fact]
    public void An_event_is_written_with_plain_ids_and_kebab_case_enums_and_no_type_name()
    {
        var json = JsonSerializer.Serialize(Admitted(Bcop), Options);

        Assert.Equal(
            """{"partner":"bcop","name":"Bewonerscollectief Osdorp de Punt","kind":"residents-collective","body":"residents"}""",
            json);
    }

    [Fact]
    public void Lead_times_are_written_as_amount_and_unit()
    {
        var json = JsonSerializer.Serialize(LeadTime.Hours(48), Options);

        Assert.Equal("""{"amount":48,"unit":"hours"}""", json);
    }

    [Fact]
    public void A_stored_lead_time_of_zero_does_not_bind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonSerializer.Deserialize<LeadTime>("""{"amount":0,"unit":"days"}""", Options));
    }

    private sealed class IdentifierConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsValueType && typeof(IIdentifier).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(IdentifierConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class IdentifierConverter<T> : JsonConverter<T>
        where T : struct, IIdentifier, IParsable<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            T.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class PatternConverter<T>(NodaTime.Text.IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            pattern.Parse(reader.GetString()!).Value;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(pattern.Format(value));
    }

    private sealed class LocalTimeConverter : JsonConverter<LocalTime>
    {
        public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            NodaTime.Text.LocalTimePattern.ExtendedIso.Parse(reader.GetString()!).Value;

        public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(NodaTime.Text.LocalTimePattern.ExtendedIso.Format(value));
    }
}
