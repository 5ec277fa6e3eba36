using System.Reflection;

namespace Moodtunes.Architecture.Tests;

/// <summary>The application's assemblies as built, and what each references directly or through another of ours.</summary>
internal static class Assemblies
{
    public const string Domain = "Moodtunes.Core";
    public const string Application = "Moodtunes.Api";
    public const string VisionAdapter = "Moodtunes.Vision";

    public static readonly string[] Hosts = ["UploadFunction", "AnalyzeFunction", "RecommendFunction", "Moodtunes.LocalServer"];

    public static readonly string[] Adapters =
        ["Moodtunes.Storage", "Moodtunes.Storage.Local", "Moodtunes.Storage.Aws", VisionAdapter, "Moodtunes.Deezer", "Moodtunes.Spotify"];

    /// <summary>The packages of each kind a rule keeps out, by the prefix of their assembly names.</summary>
    public static readonly string[] Aws = ["AWSSDK.", "Amazon."];
    public static readonly string[] AspNetCoreAndHttp = ["Microsoft.AspNetCore.", "System.Net.Http", "Microsoft.Extensions.Http"];
    public static readonly string[] ModelsAndImaging = ["Microsoft.ML.OnnxRuntime", "SkiaSharp"];

    /// <summary>
    /// Every assembly <paramref name="name"/> references, following references into our own assemblies (a host's
    /// packages come through the adapters it references).
    /// </summary>
    public static IReadOnlySet<string> ReferencedBy(string name)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var ours = new Queue<string>([name]);
        while (ours.TryDequeue(out var next))
        {
            foreach (var reference in Assembly.Load(next).GetReferencedAssemblies().Select(r => r.Name!))
            {
                if (seen.Add(reference) && IsOurs(reference))
                {
                    ours.Enqueue(reference);
                }
            }
        }

        return seen;
    }

    public static IReadOnlyList<string> StartingWith(this IReadOnlySet<string> names, IEnumerable<string> prefixes) =>
        [.. names.Where(n => prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal) || n == p.TrimEnd('.')))];

    private static bool IsOurs(string name) => name.StartsWith("Moodtunes.", StringComparison.Ordinal) || Hosts.Contains(name);
}
