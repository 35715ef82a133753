using Governance.Api.Tests.Commands;
using static Governance.Api.Tests.Commitments.PromiseWorld;

namespace Governance.Api.Tests.Commitments;

/// <summary>
/// "Wie beloofde wat" with a choice (issue 13): "Alleen beloftes die te laat zijn" shows the partners with a late
/// promise (R10) and says how many others it leaves out, instead of a section per partner saying "nothing here".
/// Plain HTTP: the page needs no JavaScript.
/// </summary>
public sealed class PromiseFilterPageTests(PromiseWorldFixture fixture) : IClassFixture<PromiseWorldFixture>
{
    private PromiseWorld World => fixture.World;

    private string Base => World.Base;

    [Fact]
    public async Task R10_the_late_choice_shows_only_the_partners_with_a_late_promise()
    {
        var today = await World.TodayAsync();
        await World.PromiseBenchesAsync(today.PlusDays(1), "bankjes-filter");
        await Ok(Post(World.Ymere, $"{Base}/commitments",
            $$"""{"id":"portiek-filter","owner":"ymere","what":"De portiek schilderen","due":"{{Iso(today.PlusDays(60))}}","source":{"kind":"decision","reference":"portiek-2026"} }"""));
        await World.AdvanceAsync("P3D");

        var late = await World.Anonymous.GetStringAsync(new Uri("/allianties/osdorp-de-punt/beloftes?toon=te-laat", UriKind.Relative));
        Assert.Contains("id=\"kop-stadsdeel-nieuw-west\"", late, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"kop-ymere\"", late, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"kop-bcop\"", late, StringComparison.Ordinal);
        Assert.Contains("2 partners hebben geen beloftes bij deze keuze. Die staan hier niet.", late, StringComparison.Ordinal);
        Assert.DoesNotContain("Geen beloftes bij deze keuze.", late, StringComparison.Ordinal);

        // Without a choice every partner has its section, as before.
        var all = await World.Anonymous.GetStringAsync(new Uri("/allianties/osdorp-de-punt/beloftes", UriKind.Relative));
        Assert.Contains("id=\"kop-ymere\"", all, StringComparison.Ordinal);
        Assert.Contains("id=\"kop-bcop\"", all, StringComparison.Ordinal);
    }
}
