using System.Diagnostics;
using System.Text;

namespace Governance.EventStore.Tests;

/// <summary>The checkpoint format (ADR 7): what is signed, that any change breaks it, and that other tools agree.</summary>
public sealed class CheckpointSignatureTests
{
    private static readonly byte[] Head = Convert.FromHexString("5d738a60c4f1746ee28cdfdd6b1e3f5b7be9df141178b0a4b950e20fe1d41006");
    private static readonly DateTimeOffset At = new(2026, 12, 4, 12, 58, 31, 250, TimeSpan.Zero);

    [Fact]
    public void A_checkpoint_signs_five_lines_with_the_time_in_whole_seconds_and_verifies()
    {
        using var key = CheckpointKey.Create();
        var checkpoint = key.Sign("osdorp-de-punt", 219, Head, At);
        Assert.Equal("ledger-checkpoint-v1\nosdorp-de-punt\n219\n5d738a60c4f1746ee28cdfdd6b1e3f5b7be9df141178b0a4b950e20fe1d41006\n2026-12-04T12:58:31Z\n",
            checkpoint.SignedText);
        Assert.True(checkpoint.HasValidSignature());
        Assert.Equal(key.KeyId, checkpoint.KeyId);
        Assert.Matches("^[0-9a-f]{16}$", checkpoint.KeyId);
    }

    [Fact]
    public void Changing_any_field_or_the_key_breaks_the_signature()
    {
        using var key = CheckpointKey.Create();
        using var other = CheckpointKey.Create();
        var c = key.Sign("osdorp-de-punt", 219, Head, At);
        Checkpoint[] changed =
        [
            c with { Alliance = "geuzenveld" },
            c with { Position = 218 },
            c with { HeadHash = "0" + c.HeadHash[1..] },
            c with { Time = c.Time.AddSeconds(1) },
            c with { PublicKey = other.PublicKey },
            c with { Signature = Convert.ToBase64String(new byte[64]) },
            c with { Signature = "not base64" },
        ];
        Assert.All(changed, x => Assert.False(x.HasValidSignature(), x.ToString()));
    }

    [Fact]
    public void A_key_survives_its_pem_file_and_its_seed_and_a_bad_key_text_is_refused()
    {
        using var key = CheckpointKey.Create();
        var pem = key.ExportPem();
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        using var again = CheckpointKey.Import(pem);
        Assert.Equal(key.PublicKey, again.PublicKey);
        Assert.True(again.Sign("a", 1, Head, At).HasValidSignature());
        Assert.Throws<FormatException>(() => CheckpointKey.Import("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
        Assert.Throws<FormatException>(() => CheckpointKey.Import("short"));
        using var fromSeed = CheckpointKey.Import(Convert.ToBase64String(new byte[32]));
        Assert.Matches("^[0-9a-f]{16}$", fromSeed.KeyId);
    }

    [Fact]
    public async Task Openssl_verifies_the_signature_with_the_published_public_key()
    {
        using var key = CheckpointKey.Create();
        var c = key.Sign("osdorp-de-punt", 219, Head, At);
        var folder = Directory.CreateTempSubdirectory("checkpoint-openssl-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPublicPem());
            await File.WriteAllBytesAsync(Path.Combine(folder, "text"), Encoding.UTF8.GetBytes(c.SignedText));
            await File.WriteAllBytesAsync(Path.Combine(folder, "sig"), Convert.FromBase64String(c.Signature));
            using var openssl = Process.Start(new ProcessStartInfo("openssl", "pkeyutl -verify -pubin -inkey key.pem -rawin -in text -sigfile sig")
                { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var said = await openssl.StandardOutput.ReadToEndAsync() + await openssl.StandardError.ReadToEndAsync();
            await openssl.WaitForExitAsync();
            Assert.True(openssl.ExitCode == 0, said);
            Assert.Contains("Signature Verified Successfully", said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
