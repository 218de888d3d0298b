using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Ecommerce.Client.Tests.ReferencePage;

/// <summary>The interactive reference at /scalar, rendered by a real browser from the served document.</summary>
public sealed class ReferencePageTests(ReferencePageFactory factory) : IClassFixture<ReferencePageFactory>
{
    private sealed record Operation(string Method, string Path, string Summary)
    {
        /// <summary>The operation's entry in the page's sidebar, which links to it by method and path.</summary>
        public By Link => By.CssSelector($"a[href$='/{Method.ToUpperInvariant()}{Path}']");
    }

    [BrowserFact]
    public async Task The_page_shows_every_operation_and_the_bearer_authentication()
    {
        var root = factory.RootUri;
        using var http = new HttpClient { BaseAddress = root };
        var operations = Operations(await http.GetStringAsync("/openapi/v1.json"));
        var profile = Directory.CreateTempSubdirectory("catalog-chromium-");
        try
        {
            using var browser = HeadlessChromium.Start(profile.FullName);
            browser.Navigate().GoToUrl(new Uri(root, "/scalar"));

            // The page is a script that fetches the document and renders it: wait until every operation is there.
            try
            {
                new WebDriverWait(browser, TimeSpan.FromSeconds(60))
                    .Until(page => operations.All(operation => page.FindElements(operation.Link).Count > 0));
            }
            catch (WebDriverTimeoutException)
            {
                var missing = operations.Where(operation => browser.FindElements(operation.Link).Count == 0);
                Assert.Fail("The page did not show, within 60 s: " + string.Join(", ", missing.Select(operation => $"{operation.Method} {operation.Path}")));
            }

            var tokenLabel = browser.FindElement(By.XPath("//label[normalize-space()='Bearer Token']"));
            var tokenInput = browser.FindElement(By.CssSelector($"input[aria-labelledby='{tokenLabel.GetAttribute("id")}']"));
            var text = browser.FindElement(By.TagName("body")).Text;

            Assert.NotEmpty(operations);
            Assert.All(operations, operation =>
                Assert.Equal(operation.Summary, browser.FindElement(operation.Link).Text.Split('\n')[0].Trim()));
            Assert.Contains("Selected Auth Type: Bearer", text, StringComparison.Ordinal);
            Assert.Contains("A JWT from the identity provider", text, StringComparison.Ordinal);
            Assert.True(tokenInput.Displayed);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static List<Operation> Operations(string document) =>
        [.. JsonDocument.Parse(document).RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation =>
                new Operation(operation.Name, path.Name, operation.Value.GetProperty("summary").GetString()!)))];
}
