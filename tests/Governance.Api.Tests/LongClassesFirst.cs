using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Governance.Api.Tests.LongClassesFirst", "Governance.Api.Tests")]

namespace Governance.Api.Tests;

/// <summary>
/// Marks a test class whose tests take long together (<paramref name="seconds"/>, measured quiet with ops/test-times),
/// so that <see cref="LongClassesFirst"/> starts it early.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the classes marked <see cref="RunsLongAttribute"/> first, longest first, the rest after in xUnit's own order.
/// Classes run four at a time; a long class that happens to start last keeps the run going on one thread while the others
/// are done (issue 16 §4: the last 111 s of a 505 s run were one class at a time).
/// </summary>
public sealed class LongClassesFirst : ITestCollectionOrderer
{
    private const string DefaultCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.Select((collection, index) => (collection, index))
            .OrderByDescending(c => Seconds(c.collection))
            .ThenBy(c => c.index)
            .Select(c => c.collection);

    private static int Seconds(ITestCollection collection)
    {
        // A class without [Collection] is a collection of its own, named after the class.
        var type = collection.CollectionDefinition?.ToRuntimeType()
            ?? (collection.DisplayName.StartsWith(DefaultCollectionPrefix, StringComparison.Ordinal)
                ? typeof(LongClassesFirst).Assembly.GetType(collection.DisplayName[DefaultCollectionPrefix.Length..].Split(' ')[0])
                : null);
        return type?.GetCustomAttribute<RunsLongAttribute>()?.Seconds ?? 0;
    }
}
