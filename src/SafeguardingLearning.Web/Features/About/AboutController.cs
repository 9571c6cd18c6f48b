using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SafeguardingLearning.Web.Features.About;

/// <summary>The pages the footer links to; anyone may read them.</summary>
[AllowAnonymous]
public sealed class AboutController : Controller
{
    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View();

    [HttpGet("/cookies")]
    public IActionResult Cookies() => View();

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View();
}
