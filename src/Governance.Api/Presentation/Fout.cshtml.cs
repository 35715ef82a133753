using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Presentation;

/// <summary>
/// The Dutch error page. Reached by re-execution (UseErrorPages) with the original status code, so the
/// browser keeps the address it asked for. A re-executed POST has no valid antiforgery token for this page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class FoutModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<string> Explanation { get; private set; } = [];

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
                         || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted)
        {
            // Someone opened /fout/404 directly: answer with that status, not 200.
            Response.StatusCode = Code;
        }

        (Title, Explanation) = Code switch
        {
            400 when HttpContext.Items.ContainsKey(Http.InputChecks.UnreadableForm) =>
                ("Het formulier kon niet worden verstuurd", (IReadOnlyList<string>)[Http.TextInput.DutchFormMessage, "Er is niets opgeslagen. Ga terug en probeer het opnieuw."]),
            404 => ("Deze pagina bestaat niet", (IReadOnlyList<string>)
            [
                "Misschien is de pagina verhuisd of weggehaald.",
                "Of er zit een typefout in het adres.",
            ]),
            401 => ("Log eerst in", ["U moet ingelogd zijn om deze pagina te zien."]),
            403 => ("U mag deze pagina niet zien", ["Uw account heeft hiervoor niet de juiste rol.", "Denkt u dat dit niet klopt? Vraag het de beheerder van uw wijkalliantie."]),
            429 => ("Even wachten", ["U heeft in korte tijd te veel wijzigingen gedaan. Wat u net deed, is niet opgeslagen.", "Wacht een minuut en probeer het dan opnieuw."]),
            503 => ("Het logboek is even niet beschikbaar", ["Er ging niets verloren: wat u net deed, is niet opgeslagen.", "Probeer het over een paar minuten opnieuw."]),
            >= 500 => ("Er ging iets mis", ["Dit is onze fout, niet de uwe.", "Probeer het over een paar minuten opnieuw.", "Lukt het dan nog niet? Meld het dan."]),
            _ => ("Er ging iets mis", ["Wij konden uw vraag niet uitvoeren.", "Kijk of het adres klopt en probeer het opnieuw."]),
        };
    }
}
