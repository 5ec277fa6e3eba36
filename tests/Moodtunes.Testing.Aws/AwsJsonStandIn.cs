using System.Net;
using System.Text.Json;

namespace Moodtunes.Testing.Aws;

/// <summary>
/// A loopback endpoint answering AWS's JSON protocol (<c>X-Amz-Target: Service.Operation</c>) for services with no
/// emulator that installs here (Parameter Store, and SQS, whose npm emulators speak only the older XML protocol while
/// AWSSDK 4 speaks JSON). It answers only the operations a test hands it and records every request it was sent.
/// </summary>
public sealed class AwsJsonStandIn : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<string, JsonElement, object> answer;
    private readonly Task serving;
    private readonly List<(string Operation, JsonElement Body)> requests = [];

    /// <param name="answer">Operation name (e.g. <c>GetParameters</c>) and request body to the response object, serialized as JSON.</param>
    public AwsJsonStandIn(Func<string, JsonElement, object> answer)
    {
        this.answer = answer;
        Url = $"http://127.0.0.1:{Loopback.FreePort()}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<(string Operation, JsonElement Body)> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving.ConfigureAwait(false);
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }

            var operation = context.Request.Headers["X-Amz-Target"]?.Split('.')[^1] ?? "";
            using var reader = new StreamReader(context.Request.InputStream);
            using var body = JsonDocument.Parse(await reader.ReadToEndAsync().ConfigureAwait(false));
            lock (requests)
            {
                requests.Add((operation, body.RootElement.Clone()));
            }

            var response = JsonSerializer.SerializeToUtf8Bytes(answer(operation, body.RootElement));
            context.Response.ContentType = "application/x-amz-json-1.0";
            await context.Response.OutputStream.WriteAsync(response).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
