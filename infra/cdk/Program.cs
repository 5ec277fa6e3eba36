using Amazon.CDK;
using Moodtunes.Cdk;

// `qr <cdk-outputs.json>` runs after a deploy; anything else is the CDK app the CLI synthesizes.
if (args is ["qr", ..])
{
    if (args.Length < 2)
    {
        Console.Error.WriteLine("usage: dotnet run --project infra/cdk -- qr <cdk-outputs.json> [png path]");
        return 2;
    }

    return PageQrCode.Run(args[1], args.Length > 2 ? args[2] : PageQrCode.DefaultPngPath, Console.Out, Console.Error);
}

var app = new App();
_ = new MoodtunesStack(app, MoodtunesStack.DefaultStackName, MoodtunesSettings.FromContext(app.Node));
app.Synth();
return 0;
