using OpenQA.Selenium.Chrome;

namespace Ecommerce.Client.Tests.ReferencePage;

/// <summary>Debian's Chromium and ChromeDriver, headless, with nothing that reaches for the network on its own.</summary>
public static class HeadlessChromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static bool IsInstalled => File.Exists(Browser) && File.Exists(Driver);

    public static ChromeDriver Start(string profileFolder)
    {
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1400,1000", $"--user-data-dir={profileFolder}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver), Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}

/// <summary>
/// A test that needs the browser. Without Chromium it is skipped on a developer's machine, but in
/// CI (<c>CI=true</c>), which installs Chromium, it runs and fails.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{HeadlessChromium.Browser} or {HeadlessChromium.Driver} is missing: apt-get install chromium chromium-driver (make browser, as root).";
        }
    }
}
