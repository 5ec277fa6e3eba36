namespace Moodtunes.Cli.Commands;

/// <summary>
/// The arguments of the vision commands (<c>analyze</c>, <c>eval</c>, <c>framing</c>): the command, its folder
/// or photo, and the flags each command takes. Null from <see cref="Parse"/> means: print the usage.
/// </summary>
internal sealed record CommandLine(string Command, string Target, bool Photos, string? Model, string? Votes, string? Readings)
{
    private static readonly string[] EvalOnlyFlags = ["--photos", "--votes", "--readings"];

    public static CommandLine? Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] is not ("analyze" or "eval" or "framing"))
        {
            return null;
        }

        var photos = false;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Count; i++)
        {
            var flag = args[i];
            if (args[0] != "eval" && EvalOnlyFlags.Contains(flag))
            {
                return null;
            }

            if (flag == "--photos" && !photos)
            {
                photos = true;
            }
            else if (flag is "--model" or "--votes" or "--readings" && i + 1 < args.Count && values.TryAdd(flag, args[i + 1]))
            {
                i++;
            }
            else
            {
                return null;
            }
        }

        return new CommandLine(args[0], args[1], photos, values.GetValueOrDefault("--model"), values.GetValueOrDefault("--votes"), values.GetValueOrDefault("--readings"));
    }

    /// <summary>A request for help anywhere on the line: <c>moodtunes --help</c>, <c>moodtunes eval --help</c>.</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => args is ["help", ..] || args.Any(a => a is "--help" or "-h");
}
