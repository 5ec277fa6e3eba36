using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Cli.Commands;
using Moodtunes.Core.Recommendation;
using Moodtunes.Deezer;
using Moodtunes.Vision;

const string usage = """
    usage: moodtunes analyze <photo> [--model <emotion.onnx>]
                                              faces, emotions and timings as JSON
           moodtunes eval <folder> [--photos] [--model <emotion.onnx>] [--votes <ferplus-votes.csv>]
                          [--readings <out.csv>]
                                              accuracy on class-named subfolders of face crops, or with
                                              --photos of photos through the whole photo path; --votes
                                              scores against the FER+ majority labels too; --readings
                                              writes every image's seven probabilities as CSV
           moodtunes framing <folder>
                                              how the faces of a folder sit in their images and detector
                                              boxes (medians), to set the crop from measurements
           moodtunes catalog-check [--deezer <base address>]
                                              looks every catalog song up at Deezer (needs internet) and
                                              lists those without a confident match or a preview (Markdown)
           moodtunes redrive <queue-url> <bucket>
                                              replays the S3 events in the failed-events queue (AWS)
           moodtunes --help                   this text (also after any command)
    """;

if (CommandLine.AsksForHelp(args))
{
    Console.WriteLine(usage);
    return 0;
}

if (args is ["catalog-check", ..] and (["catalog-check"] or ["catalog-check", "--deezer", _]))
{
    var settings = new Dictionary<string, string?> { ["Deezer:BaseAddress"] = args is [_, _, var address] ? address : null };
    await using var services = new ServiceCollection()
        .AddDeezerMedia(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();
    return await CatalogCheckCommand.RunAsync(
        TrackCatalog.Default, services.GetRequiredService<ITrackMediaResolver>(), Console.Out, CancellationToken.None);
}

if (args is ["redrive", var queueUrl, var bucket])
{
    return await RedriveCommand.RunAsync(queueUrl, bucket, Console.Out);
}

if (CommandLine.Parse(args) is not { } command)
{
    Console.Error.WriteLine(usage);
    return 64;
}

foreach (var (what, file) in new[] { ("emotion model", command.Model), ("votes file", command.Votes) })
{
    if (file is not null && !File.Exists(file))
    {
        Console.Error.WriteLine($"{what} not found: {Path.GetFullPath(file)}");
        return 66; // EX_NOINPUT
    }
}

// The same Vision__* settings as the hosts (e.g. Vision__Crop__Scale), so a sweep can try a setting in eval.
var options = VisionServiceCollectionExtensions.OptionsFrom(new ConfigurationBuilder().AddEnvironmentVariables().Build());
using var pipeline = new VisionPipeline(command.Model is { } model ? options with { EmotionModelFile = Path.GetFullPath(model) } : options);
return command.Command switch
{
    "analyze" => AnalyzeCommand.Run(pipeline, command.Target, Console.Out, Console.Error),
    "framing" => FramingCommand.Run(pipeline, command.Target, Console.Out),
    _ => EvalCommand.Run(pipeline, command, Console.Out),
};
