using Xunit.Abstractions;
using Xunit.Sdk;

namespace Moodtunes.Testing;

/// <summary>
/// Marks tests that take seconds each or a costly fixture (a browser, the CDK's node process, emulators, published
/// Lambda packages, the vision models under load), as the trait <c>Category=Slow</c>: the inner loop skips them with
/// <c>dotnet test Serverless.sln --filter "Category!=Slow"</c>, scripts/test.sh runs everything. On an assembly, a
/// class (inherited by its subclasses) or a method.
/// </summary>
[TraitDiscoverer("Moodtunes.Testing.SlowTraitDiscoverer", "Moodtunes.Testing")]
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SlowAttribute : Attribute, ITraitAttribute;

/// <summary>Gives <see cref="SlowAttribute"/> its trait, named here once.</summary>
public sealed class SlowTraitDiscoverer : ITraitDiscoverer
{
    public const string Name = "Category";

    public const string Value = "Slow";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) => [new(Name, Value)];
}
