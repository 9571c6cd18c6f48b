using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// The self-assessment figures for a reporting year, Section 11 (Children Act 2004) and Section
/// 175/157 (Education Act 2002) apart: the cycles whose returns were due in the year, the agencies or
/// schools invited, the returns the partnership received, those it accepted after moderation and
/// challenge, how many standards were rated at each level across the returns received, and the
/// actions of the returns' improvement plans. A standard's rating is read as the cycle's report reads
/// it (<see cref="CycleReport"/>): the partnership's moderated rating once recorded, else the weakest
/// of the agency's ratings of its questions, from the submission the partnership last received.
/// Working Together 2023 (chapter 2) asks the partners to check how agencies meet these duties.
/// Three commands whatever the number of cycles and returns.
/// </summary>
public sealed class SelfAssessmentFigures(AppDbContext db) : IFigureSource
{
    public const string Key = "self-assessments";

    /// <summary>"section-11" or "section-175", the start of each figure's key.</summary>
    public static string KeyOf(FrameworkKind kind) => kind == FrameworkKind.Section11 ? "section-11" : "section-175";

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var starts = year.Starts;
        var ends = year.Ends;
        var due = db.AssessmentCycles.AsNoTracking().Where(c => c.DueOn >= starts && c.DueOn <= ends);
        var cycles = await due
            .OrderBy(c => c.DueOn).ThenBy(c => c.Title).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Kind,
                c.Title,
                c.DueOn,
                c.FrameworkVersionId,
                Scale = db.FrameworkVersions.Where(v => v.Id == c.FrameworkVersionId).Select(v => v.Scale).First(),
                Invited = db.CycleInvitees.Count(i => i.AssessmentCycleId == c.Id),
                Returned = db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State != ReturnState.Draft),
                Accepted = db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State == ReturnState.Accepted),
                Actions = db.ImprovementActions.Count(a => db.ActionPlans.Any(p => p.Id == a.ActionPlanId && p.SourceKind == ImprovementPlan.SourceKind
                    && db.ReturnShares.Any(s => s.Id == p.SourceId && s.AssessmentCycleId == c.Id))),
            })
            .ToListAsync(cancellationToken);

        // The ratings received in those cycles' returns, each with its standard, and the current moderated ratings.
        var received = db.ReturnShares.Where(s => s.State != ReturnState.Draft && due.Any(c => c.Id == s.AssessmentCycleId));
        var ratings = cycles.Count == 0
            ? []
            : await (from a in db.ReceivedAnswers.AsNoTracking()
                     join s in received on a.ReturnShareId equals s.Id
                     join c in due on s.AssessmentCycleId equals c.Id
                     join q in db.FrameworkQuestions on new { Version = c.FrameworkVersionId, a.QuestionKey } equals new { Version = q.FrameworkVersionId, QuestionKey = q.Key }
                     join st in db.FrameworkStandards on q.FrameworkStandardId equals st.Id
                     select new { s.AssessmentCycleId, ShareId = s.Id, Standard = st.Key, a.Rating, Moderated = false })
                .Concat(from m in db.ModeratedStandards.AsNoTracking()
                        join s in received on m.ReturnShareId equals s.Id
                        where m.IsCurrent
                        select new { s.AssessmentCycleId, ShareId = s.Id, Standard = m.StandardKey, Rating = (string?)m.Rating, Moderated = true })
                .ToListAsync(cancellationToken);

        var figures = new List<Figure>();
        var items = new List<FigureItem>();
        foreach (var kind in Enum.GetValues<FrameworkKind>())
        {
            var ofKind = cycles.Where(c => c.Kind == kind).ToList();
            var key = KeyOf(kind);
            var name = FrameworkKinds.Describe(kind);
            figures.Add(new($"{key}.cycles", $"{name} cycles whose returns were due in the year", ofKind.Count));
            figures.Add(new($"{key}.invited", $"{name}: {FrameworkKinds.Assessors(kind)} invited", ofKind.Sum(c => c.Invited)));
            figures.Add(new($"{key}.returned", $"{name}: returns received", ofKind.Sum(c => c.Returned), OutOf: ofKind.Sum(c => c.Invited)));
            figures.Add(new($"{key}.accepted", $"{name}: returns accepted after moderation and challenge", ofKind.Sum(c => c.Accepted), OutOf: ofKind.Sum(c => c.Returned)));

            var levels = new Dictionary<string, (string Label, int Count)>(StringComparer.Ordinal);
            foreach (var cycle in ofKind)
            {
                var cycleRatings = ratings.Where(r => r.AssessmentCycleId == cycle.Id).ToList();
                var perCycle = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var share in cycleRatings.GroupBy(r => r.ShareId))
                {
                    var moderated = share.Where(r => r.Moderated).ToDictionary(r => r.Standard, r => r.Rating, StringComparer.Ordinal);
                    foreach (var standard in share.Where(r => !r.Moderated).GroupBy(r => r.Standard))
                    {
                        var rating = moderated.GetValueOrDefault(standard.Key) ?? StandardRatings.Weakest(cycle.Scale, [.. standard.Select(r => r.Rating)]);
                        if (RatingScales.IsRating(cycle.Scale, rating))
                        {
                            var label = RatingScales.Label(cycle.Scale, rating!);
                            var levelKey = rating!.ToLowerInvariant();
                            levels[levelKey] = (label, levels.GetValueOrDefault(levelKey).Count + 1);
                            perCycle[label] = perCycle.GetValueOrDefault(label) + 1;
                        }
                    }
                }

                var summary = $"Due {DisplayDates.Date(cycle.DueOn)}: {cycle.Invited} invited, {cycle.Returned} returned, {cycle.Accepted} accepted"
                    + (perCycle.Count == 0 ? string.Empty : "; standards rated " + string.Join(", ", perCycle.Select(p => $"{p.Key.ToLowerInvariant()} {p.Value.ToString(CultureInfo.InvariantCulture)}")))
                    + $"; {cycle.Actions} improvement plan actions.";
                items.Add(new FigureItem($"{name}: {cycle.Title}", summary, $"/self-assessments/cycles/{cycle.Id}/report", AccessPolicies.ReadSelfAssessmentReports));
            }

            foreach (var (level, (label, count)) in levels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                figures.Add(new($"{key}.rated.{level}", $"{name}: standards rated {label.ToLowerInvariant()} across the returns received", count));
            }

            figures.Add(new($"{key}.improvement-actions", $"{name}: improvement plan actions raised from the returns", ofKind.Sum(c => c.Actions)));
        }

        return new FigureSection(Key, "Section 11 and Section 175/157 self-assessments", 50, figures, items, []);
    }
}
