using Marten;
using Marten.Pagination;

namespace Governance.Projections;

/// <summary>One page of a document query and the total, for the paginated lists (issue 10 §5).</summary>
public static class PagedQuery
{
    /// <summary>
    /// Page <paramref name="page"/> (from 1) of <paramref name="query"/> and how many rows there are in all. Marten counts along with the
    /// page's own rows, so a page past the end counts apart; a Marten query cannot run twice, so it is made anew for that.
    /// </summary>
    public static async Task<(IReadOnlyList<T> Items, long Total)> ToPageAsync<T>(Func<IQueryable<T>> query, int page, int pageSize,
        CancellationToken cancellationToken) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = await query().ToPagedListAsync(page, pageSize, cancellationToken);
        var total = items.Count == 0 && page > 1 ? await query().LongCountAsync(cancellationToken) : items.TotalItemCount;
        return ([.. items], total);
    }
}
