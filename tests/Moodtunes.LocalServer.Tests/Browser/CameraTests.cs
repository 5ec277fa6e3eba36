using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>The live selfie path, with Chromium's fake camera filming the astronaut photo (see BrowserFixture).</summary>
public sealed class CameraTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_live_selfie_of_a_smiling_face_is_read_as_happy_and_the_camera_is_released()
    {
        var phone = await OpenPhoneAsync();

        await phone.Page.GetByTestId("camera-start").ClickAsync();
        var video = phone.Page.GetByTestId("camera-video");
        await Expect(video).ToBeVisibleAsync();
        await phone.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=camera-video]').videoWidth > 0");
        await phone.ScreenshotAsync("camera");
        await phone.Page.GetByTestId("camera-capture").ClickAsync();

        await phone.ExpectDoneAsync();
        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-emotion", "happy");
        Assert.True((await phone.TrackIdsAsync()).Count >= 5);
        // The stream is stopped after the shot: no camera light left on.
        Assert.True(await video.EvaluateAsync<bool>("video => video.srcObject === null"));
        await Expect(phone.Page.GetByTestId("camera-panel")).ToBeHiddenAsync();
    }
}
