using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Amazon.CDK;
using Constructs;

namespace Moodtunes.Cdk;

/// <summary>
/// A named group of the stack's resources, for the reader only: CloudFormation never sees it. Its resources keep the
/// logical ids they had when they sat on the stack itself (<see cref="LogicalIds"/>), because a new logical id makes a
/// deploy replace the resource: an empty table and buckets, a new page address.
/// </summary>
public abstract class StackPart(Construct scope, string id) : Construct(scope, id);

/// <summary>
/// The CDK's own logical ids (its makeUniqueId: the path below the stack, "Default" dropped, a hash of the path) computed
/// as if every <see cref="StackPart"/> on the path were not there.
/// </summary>
public static class LogicalIds
{
    private const string HiddenId = "Default";
    private const string HiddenFromHumanId = "Resource";
    private const int HashLength = 8;
    private const int MaxHumanLength = 240;
    private const int MaxIdLength = 255;

    public static string Of(CfnElement element, Stack stack)
    {
        var components = element.Node.Scopes
            .SkipWhile(scope => scope.Node.Path != stack.Node.Path)
            .Skip(1)
            .Where(scope => scope is not StackPart)
            .Select(scope => scope.Node.Id);
        return Make(components);
    }

    public static string Make(IEnumerable<string> pathBelowStack)
    {
        var components = pathBelowStack.Where(c => c != HiddenId).ToList();
        if (components is [var only] && AlphaNumeric(only) is { Length: <= MaxIdLength } topLevel)
        {
            return topLevel;
        }

        var human = string.Concat(WithoutRepeats(components).Where(c => c != HiddenFromHumanId).Select(AlphaNumeric));
        return human[..Math.Min(human.Length, MaxHumanLength)] + Hash(components);
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Not security: the CDK names resources by an MD5 of their path, and these ids must match it.")]
    private static string Hash(IEnumerable<string> components) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join('/', components))))[..HashLength];

    private static string AlphaNumeric(string text) => string.Concat(text.Where(char.IsAsciiLetterOrDigit));

    /// <summary>A component that the one before it ends with adds nothing to the readable part (the CDK's removeDupes).</summary>
    private static List<string> WithoutRepeats(IEnumerable<string> components)
    {
        var kept = new List<string>();
        foreach (var component in components)
        {
            if (kept.Count == 0 || !kept[^1].EndsWith(component, StringComparison.Ordinal))
            {
                kept.Add(component);
            }
        }

        return kept;
    }
}
