using System.Text.RegularExpressions;
using Moodtunes.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>
/// Front/back switch, a blocked or missing camera, and the dark-photo hint (issue 17). Chromium's fake camera is
/// one device: the page is told of two, and each request is answered by the fake one with the asked-for id.
/// </summary>
public sealed class CameraChoiceTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string TwoCameras = """
        window.__cameraRequests = [];
        const md = navigator.mediaDevices;
        const real = md.getUserMedia.bind(md);
        const cameras = [
          { deviceId: 'front-cam', kind: 'videoinput', label: 'Front camera', groupId: 'phone', facing: 'user' },
          { deviceId: 'back-cam', kind: 'videoinput', label: 'Back camera', groupId: 'phone', facing: 'environment' },
        ];
        md.enumerateDevices = async () => cameras.map(({ facing, ...device }) => device);
        md.getUserMedia = async (constraints) => {
          const video = constraints.video || {};
          const asked = video.deviceId && video.deviceId.exact;
          window.__cameraRequests.push(asked || 'facing:' + video.facingMode);
          const camera = cameras.find((c) => c.deviceId === asked) || cameras[0];
          const stream = await real({ video: true, audio: false });
          const track = stream.getVideoTracks()[0];
          const settings = track.getSettings.bind(track);
          track.getSettings = () => ({ ...settings(), deviceId: camera.deviceId, facingMode: camera.facing });
          return stream;
        };
        """;

    [Fact]
    public async Task With_two_cameras_the_switch_moves_to_the_back_one_unmirrored_and_back_to_the_front()
    {
        var phone = await OpenPhoneAsync(prepare: page => page.AddInitScriptAsync(TwoCameras));
        var video = phone.Page.GetByTestId("camera-video");
        var toggle = phone.Page.GetByTestId("camera-switch");

        await phone.Page.GetByTestId("camera-start").ClickAsync();
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAccessibleNameAsync("Switch camera");
        await Expect(video).Not.ToHaveClassAsync(new Regex("unmirrored"));

        await toggle.ClickAsync();
        await Expect(video).ToHaveClassAsync(new Regex(@"\bunmirrored\b"));
        await phone.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=camera-video]').videoWidth > 0");
        await phone.ScreenshotAsync("camera-back");

        // The keyboard reaches the same button.
        await toggle.FocusAsync();
        await phone.Page.Keyboard.PressAsync("Enter");
        await Expect(video).Not.ToHaveClassAsync(new Regex(@"\bunmirrored\b"));
        Assert.Equal(["facing:user", "back-cam", "front-cam"], await phone.Page.EvaluateAsync<string[]>("() => window.__cameraRequests"));

        // A shot from the front camera still goes through.
        await phone.Page.GetByTestId("camera-capture").ClickAsync();
        await phone.ExpectDoneAsync();
    }

    [Fact]
    public async Task With_one_camera_there_is_no_switch()
    {
        var phone = await OpenPhoneAsync();

        await phone.Page.GetByTestId("camera-start").ClickAsync();

        await Expect(phone.Page.GetByTestId("camera-video")).ToBeVisibleAsync();
        await Expect(phone.Page.GetByTestId("camera-switch")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData("NotAllowedError", "camera-denied", "Camera access is blocked. Allow it in your browser’s site settings, or choose a photo instead.")]
    [InlineData("NotFoundError", "camera-missing", "No camera found on this device. You can choose a photo instead.")]
    [InlineData("NotReadableError", "camera-busy", "The camera is in use by another app. Close it and try again, or choose a photo.")]
    public async Task A_blocked_missing_or_busy_camera_says_so_and_offers_the_photo_picker(string error, string code, string message)
    {
        var phone = await OpenPhoneAsync(prepare: page => page.AddInitScriptAsync(
            $"navigator.mediaDevices.getUserMedia = async () => {{ throw new DOMException('refused', '{error}'); }};"));

        await phone.Page.GetByTestId("camera-start").ClickAsync();

        var problem = phone.Page.GetByTestId("camera-error");
        await Expect(problem).ToHaveAttributeAsync("data-error-code", code);
        await Expect(problem).ToHaveTextAsync(message);
        await Expect(problem).ToHaveAttributeAsync("role", "status");
        await Expect(phone.Page.GetByTestId("camera-panel")).ToBeHiddenAsync();
        await Expect(phone.Page.GetByTestId("file-input")).ToBeFocusedAsync();
        if (code == "camera-denied")
        {
            await phone.ScreenshotAsync("camera-blocked");
        }
    }

    [Fact]
    public async Task A_dark_photo_gets_a_hint_before_it_is_read_and_a_bright_one_does_not()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var dim = PhotoBuilder.Darkened(astronaut, 0.12f);
        var phone = await OpenPhoneAsync();

        await phone.ChooseFileAsync(new() { Name = "dim.jpg", MimeType = "image/jpeg", Buffer = PhotoBuilder.Jpeg(dim) });

        var hint = phone.Page.GetByTestId("dark-hint");
        await Expect(hint).ToBeVisibleAsync();
        await Expect(hint).ToHaveTextAsync("This photo looks very dark, so your face may be hard to read. More light helps.");
        await phone.ScreenshotAsync("dark-photo-hint");
        await Expect(phone.Status).ToHaveAttributeAsync("data-state", new Regex("^(done|failed)$"), new() { Timeout = 45_000 });

        await phone.Page.GetByTestId("lang-switch").ClickAsync();
        await Expect(hint).ToHaveTextAsync("사진이 매우 어둡습니다. 얼굴을 읽기 어려울 수 있으니 밝은 곳에서 찍어 보세요.");
        await phone.Page.GetByTestId("lang-switch").ClickAsync();

        var bright = await OpenPhoneAsync();
        await bright.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));
        await bright.ExpectDoneAsync();
        await Expect(bright.Page.GetByTestId("dark-hint")).ToBeHiddenAsync();
    }
}
