using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace SafeguardingLearning.Reference;

public sealed class FortunesController(FortuneDb db) : Controller
{
    [HttpGet("/fortunes")]
    public async Task<IActionResult> Index()
    {
        var fortunes = await db.Fortunes.ToListAsync();
        fortunes.Add(new Fortune { Id = 0, Message = "Additional fortune added at request time." });
        fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return View("~/Views/Fortunes/Index.cshtml", fortunes);
    }
}
