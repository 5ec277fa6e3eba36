using System.Text.Json;
using System.Text.RegularExpressions;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The server sends codes; the page (static-site/js/i18n.js) words every one of them in both languages.</summary>
public sealed partial class PageSentenceTests
{
    /// <summary>
    /// Failures the page finds itself (static-site/README.md, "Local ones"), and file-too-large's wording with its limit:
    /// the only failure sentences that are not for a code of the server's.
    /// </summary>
    private static readonly string[] PageOwnFailures = ["network", "timeout", "prepare-failed", "upload-failed", "generic", "file-too-large-limit"];

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> KeysByLanguage = new(ReadKeys);

    public static TheoryData<string> Languages => ["en", "ko"];

    /// <summary>
    /// The server's codes by the name the page keys their sentences by (facts.js's <c>codes</c>: the camelCase member
    /// name), so that changing a code's wire name is one line in C# and no sentence moves.
    /// </summary>
    private static IEnumerable<string> ServerCodes =>
        Enum.GetValues<ProblemCode>().Select(c => c.ToString()).Concat(Enum.GetValues<FailureCode>().Select(c => c.ToString()))
            .Select(JsonNamingPolicy.CamelCase.ConvertName).Distinct();

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_problem_and_failure_code_has_a_sentence(string language)
    {
        var keys = KeysByLanguage.Value[language];

        Assert.DoesNotContain(ServerCodes, code => !keys.Contains($"failure.{code}"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_failure_sentence_is_left_for_a_code_that_no_longer_exists(string language)
    {
        var known = ServerCodes.Concat(PageOwnFailures).ToHashSet();

        var failures = KeysByLanguage.Value[language].Where(k => k.StartsWith("failure.", StringComparison.Ordinal)).Select(k => k["failure.".Length..]);

        Assert.DoesNotContain(failures, code => !known.Contains(code));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_title_is_left_for_a_code_that_no_longer_exists(string language)
    {
        var known = ServerCodes.Append("photo").ToHashSet();

        var titles = KeysByLanguage.Value[language].Where(k => k.StartsWith("failureTitle.", StringComparison.Ordinal)).Select(k => k["failureTitle.".Length..]);

        Assert.DoesNotContain(titles, code => !known.Contains(code));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_emotion_and_mood_has_a_name(string language)
    {
        var keys = KeysByLanguage.Value[language];

        Assert.DoesNotContain(Enum.GetValues<Emotion>(), e => !keys.Contains($"emotion.{e.ToWire()}"));
        Assert.DoesNotContain(Enum.GetValues<Mood>(), m => !keys.Contains($"mood.{m.ToWire()}"));
    }

    /// <summary>The keys of STRINGS.en and STRINGS.ko: each a line "    'key': …" in its own block.</summary>
    private static IReadOnlyDictionary<string, IReadOnlySet<string>> ReadKeys()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "static-site", "js", "i18n.js"));
        var ko = text.IndexOf("\n  ko: {", StringComparison.Ordinal);
        var end = text.IndexOf("\n};", ko, StringComparison.Ordinal);
        IReadOnlySet<string> Keys(string block) => Key().Matches(block).Select(m => m.Groups[1].Value).ToHashSet();
        return new Dictionary<string, IReadOnlySet<string>> { ["en"] = Keys(text[..ko]), ["ko"] = Keys(text[ko..end]) };
    }

    [GeneratedRegex(@"^    '([^']+)':", RegexOptions.Multiline)]
    private static partial Regex Key();
}
