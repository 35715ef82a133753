using Governance.EventStore;

namespace Governance.Api.PublicRecord;

/// <summary>The archive's README: what it is (Dutch, B1) and how to check it (commands).</summary>
public static class PublicRecordReadme
{
    public static string Text(string alliance, string name, Checkpoint checkpoint) => $$"""
        # Openbaar logboek van {{name}}

        Dit archief bevat het logboek van de wijkalliantie `{{alliance}}`: alle {{checkpoint.Position}} stappen tot het
        controlepunt van {{Checkpoint.TimeText(checkpoint.Time)}} (UTC). Elke stap is aan de vorige gekoppeld met een code
        (SHA-256). Verandert iemand één teken, dan klopt de code niet meer.

        Namen van mensen staan er niet in. U ziet alleen hun rol en partner, bijvoorbeeld "vertegenwoordiger van Ymere".
        Sommige stappen zijn weggelaten op grond van de Wet open overheid (Woo), bijvoorbeeld 5.1.2.e (privacy).
        U ziet dan wel dát er een stap was, de grond en de reden, en de code van de inhoud. Zo klopt de keten toch.
        De lijst staat in `manifest.json` onder `redactions`.

        ## Wat erin zit

        | bestand | wat |
        |---|---|
        | `events.jsonl` | één stap per regel: `position`, `hash`, `envelope` (de tekst die de keten hasht), `dataDigest`, `data` (of `null` met `redaction`: `ground` en `reason`), `people` (rol en partner) |
        | `manifest.json` | de alliantie, het aantal stappen, de laatste code, de weggelaten stappen |
        | `checkpoint.json` | het ondertekende controlepunt (Ed25519): positie {{checkpoint.Position}}, code `{{checkpoint.HeadHash}}`, sleutel `{{checkpoint.KeyId}}` |
        | `checkpoint.txt`, `checkpoint.sig`, `checkpoint-public-key.pem` | de ondertekende tekst, de handtekening en de publieke sleutel, voor openssl |
        | `SHA256SUMS` | de SHA-256 van elk ander bestand |

        ## Controleren met het programma

            governance export verify {{alliance}}.zip
            governance export verify {{alliance}}.zip --checkpoint controlepunten.json

        Met `--checkpoint` vergelijkt u met een controlepunt dat u eerder zelf bewaarde (van de pagina Controlepunten of
        `/api/v1/alliances/{{alliance}}/checkpoints`).

        ## Controleren met sha256sum en jq

        Pak het archief uit en ga naar de map. Eerst de bestanden:

            sha256sum -c SHA256SUMS

        Dan de keten (bash, sha256sum, base64, jq). Elke link is `SHA-256(vorige code ‖ envelope ‖ dataDigest)`; de eerste
        vorige code is 32 nul-bytes. Bij een stap met `data` moet `sha256sum` van die tekst de `dataDigest` geven.
        Dit duurt ongeveer een honderdste seconde per stap. Voor een groot archief is het programma hierboven sneller.

            hex2bin() { local h=$1 out=; while [ -n "$h" ]; do out+="\\x${h:0:2}"; h=${h:2}; done; printf "$out"; }
            prev=$(printf '0%.0s' $(seq 64)); n=0
            while IFS='|' read -r position digest hasdata hash data envelope ground; do
              n=$((n + 1))
              [ "$position" = "$n" ] || { echo "stap $n ontbreekt"; break; }
              if [ "$hasdata" = true ]; then
                sum=$(base64 -d <<<"$data" | sha256sum)
                [ "${sum%% *}" = "$digest" ] || { echo "stap $n: inhoud veranderd"; break; }
              else
                [ -n "$ground" ] || { echo "stap $n: weggelaten zonder Woo-grond"; break; }
              fi
              prev=$({ hex2bin "$prev"; base64 -d <<<"$envelope"; hex2bin "$digest"; } | sha256sum); prev=${prev%% *}
              [ "$prev" = "$hash" ] || { echo "stap $n: keten gebroken"; break; }
            done < <(jq -r '[(.position | tostring), .dataDigest, (.data != null | tostring), .hash,
              (.data // "" | @base64), (.envelope | @base64), .redaction.ground // ""] | join("|")' events.jsonl)
            [ "$prev" = "$(jq -r .headHash checkpoint.json)" ] && [ "$n" = "$(jq -r .position checkpoint.json)" ] \
              && echo "keten klopt: $n stappen, code $prev"

        En de handtekening van het controlepunt (OpenSSL 3):

            openssl pkeyutl -verify -pubin -inkey checkpoint-public-key.pem -rawin -in checkpoint.txt -sigfile checkpoint.sig

        Vergelijk de sleutel (`keyId` in `checkpoint.json`) met de sleutel op de pagina Controlepunten van de alliantie.

        Het formaat staat beschreven in docs/public-record.md van het logboek (formaat `public-record-v1`, keten `ledger-v2`).

        """;
}
