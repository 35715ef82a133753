using Marten;

namespace Governance.EventStore;

/// <summary>What checking one checkpoint against the ledger found.</summary>
/// <param name="Checkpoint">The checkpoint.</param>
/// <param name="Problem">Why the ledger does not extend it, or null when it does.</param>
public sealed record CheckpointCheck(Checkpoint Checkpoint, string? Problem)
{
    /// <summary>True when the signature holds and the recomputed chain has the checkpoint's hash at its position.</summary>
    public bool Holds => Problem is null;
}

/// <summary>The ledger checked against published checkpoints: the chain of each alliance, and each checkpoint on it.</summary>
/// <param name="Chains">The chain of every alliance that a checkpoint names.</param>
/// <param name="Checkpoints">Every checkpoint, in alliance and position order.</param>
public sealed record CheckpointVerification(IReadOnlyList<ChainVerification> Chains, IReadOnlyList<CheckpointCheck> Checkpoints)
{
    /// <summary>True when every chain is intact and extends every checkpoint.</summary>
    public bool Holds => Chains.All(c => c.IsIntact) && Checkpoints.All(c => c.Holds);
}

/// <summary>
/// Checks that the ledger still extends what was published (as Certificate Transparency checks a log against signed tree
/// heads): for each checkpoint, its Ed25519 signature, and that the chain recomputed from the stored events has the
/// checkpoint's hash at its position. A rewound head (fewer events than the checkpoint), an altered and re-hashed tail
/// (another hash at the position) and a forged event in place of a checkpointed one all fail, although the chain alone
/// still verifies.
/// </summary>
public static class CheckpointVerifier
{
    /// <summary>Checks <paramref name="checkpoints"/> against the ledger in <paramref name="store"/>.</summary>
    /// <param name="store">The ledger.</param>
    /// <param name="checkpoints">Published checkpoints (of one or more alliances).</param>
    /// <param name="trustedPublicKey">When given (base64 of 32 raw bytes), a checkpoint signed by any other key fails.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<CheckpointVerification> VerifyAsync(IDocumentStore store, IReadOnlyList<Checkpoint> checkpoints,
        string? trustedPublicKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var chains = new List<ChainVerification>();
        var checks = new List<CheckpointCheck>();
        foreach (var alliance in checkpoints.GroupBy(c => c.Alliance, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var wanted = alliance.Select(c => c.Position).ToHashSet();
            var recomputed = new Dictionary<long, byte[]>();
            var found = await LedgerVerifier.VerifyAsync(store, alliance.Key,
                onLink: (_, position, hash) => { if (wanted.Contains(position)) recomputed[position] = hash; },
                cancellationToken: cancellationToken);
            var chain = found.Count > 0 ? found[0] : new ChainVerification(alliance.Key, 0, ChainFormat.GenesisHash.ToArray(), null);
            chains.Add(chain);
            foreach (var checkpoint in alliance.OrderBy(c => c.Position))
                checks.Add(new CheckpointCheck(checkpoint, Judge(checkpoint, chain, recomputed, trustedPublicKey)));
        }
        return new CheckpointVerification(chains, checks);
    }

    /// <summary>
    /// Why the chain does not extend <paramref name="checkpoint"/>, or null: <paramref name="recomputed"/> holds the
    /// recomputed hash at each position that verified. Pure, so an exported archive is judged the same way.
    /// </summary>
    public static string? Judge(Checkpoint checkpoint, ChainVerification chain, IReadOnlyDictionary<long, byte[]> recomputed, string? trustedPublicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(recomputed);
        if (!checkpoint.HasValidSignature())
            return "its signature does not hold: the checkpoint was altered or not signed by its key";
        if (trustedPublicKey is not null && !string.Equals(trustedPublicKey, checkpoint.PublicKey, StringComparison.Ordinal))
            return $"it was signed by key {checkpoint.KeyId}, not by the trusted key {CheckpointKey.KeyIdOf(trustedPublicKey)}";
        if (checkpoint.Position == 0)
            return checkpoint.HeadHash == Convert.ToHexStringLower(ChainFormat.GenesisHash) ? null : "position 0 has the genesis hash only";
        if (recomputed.TryGetValue(checkpoint.Position, out var hash))
            return Convert.ToHexStringLower(hash) == checkpoint.HeadHash
                ? null
                : $"the ledger's hash at position {checkpoint.Position} is {Convert.ToHexStringLower(hash)}, the checkpoint's is {checkpoint.HeadHash}: " +
                  "events up to this position were altered, replaced or re-hashed";
        if (chain.Problem is { } problem && problem.Position <= checkpoint.Position)
            return $"the chain breaks at position {problem.Position} ({problem.Kind}), before the checkpoint's position {checkpoint.Position}";
        return $"the ledger holds {chain.EventCount} events, fewer than the checkpoint's {checkpoint.Position}: its head was rewound";
    }
}
