using System.Text;
using System.Text.RegularExpressions;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>One school read from the file: its row (the header is row 1), name, URN and the two email addresses.</summary>
public sealed record SchoolRow(int Row, string Name, string Urn, string HeadTeacherEmail, string DslEmail);

/// <summary>A row that will not be imported, and every reason why.</summary>
public sealed record RefusedRow(int Row, string Name, IReadOnlyList<string> Reasons);

/// <summary>What a file holds: the rows that pass the file's own rules, the rows refused, and problems with the file as a whole.</summary>
public sealed record SchoolFile(IReadOnlyList<SchoolRow> Rows, IReadOnlyList<RefusedRow> Refused, IReadOnlyList<string> Problems)
{
    public bool IsUsable => Problems.Count == 0;
}

/// <summary>
/// Reads the business unit's list of schools (a CSV file, as a spreadsheet saves it): a header row
/// naming the columns — name, URN, head teacher email, DSL email, in any order — then one school a
/// row. Keeping Children Safe in Education 2025 asks every school to name a designated safeguarding
/// lead (part 2) and makes the head teacher accountable; the URN is the Department for Education's.
/// </summary>
public static partial class SchoolCsv
{
    /// <summary>The largest file accepted: 1 MB holds several thousand schools.</summary>
    public const int MaxBytes = 1024 * 1024;

    public const int MaxRows = 5000;

    public const int NameMaxLength = 200;

    public const int EmailMaxLength = 256;

    private static readonly (string Column, string[] Names)[] Columns =
    [
        ("name", ["name", "schoolname", "establishmentname", "school"]),
        ("URN", ["urn", "uniquereferencenumber"]),
        ("head teacher email", ["headteacheremail", "heademail", "headteacheremailaddress", "principalemail"]),
        ("DSL email", ["dslemail", "designatedsafeguardingleademail", "dslemailaddress", "designatedsafeguardingleademailaddress"]),
    ];

    public static bool IsEmail(string? text) =>
        text is { Length: > 0 and <= EmailMaxLength } && EmailPattern().IsMatch(text);

    public static SchoolFile Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Records(text.TrimStart('\uFEFF')).ToList();
        while (records.Count > 0 && records[^1].Fields.All(string.IsNullOrWhiteSpace))
        {
            records.RemoveAt(records.Count - 1);
        }

        if (records.Count == 0)
        {
            return new SchoolFile([], [], ["The file is empty: it needs a header row and a row for each school"]);
        }

        var header = records[0].Fields.Select(Normalise).ToList();
        var positions = new int[Columns.Length];
        var missing = new List<string>();
        for (var c = 0; c < Columns.Length; c++)
        {
            positions[c] = header.FindIndex(h => Columns[c].Names.Contains(h));
            if (positions[c] < 0)
            {
                missing.Add(Columns[c].Column);
            }
        }

        if (missing.Count > 0)
        {
            return new SchoolFile([], [], [$"The header row (row 1) must name the columns name, URN, head teacher email and DSL email: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing"]);
        }

        var data = records.Skip(1).Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (data.Count == 0)
        {
            return new SchoolFile([], [], ["The file has a header row but no schools"]);
        }

        if (data.Count > MaxRows)
        {
            return new SchoolFile([], [], [$"The file has {data.Count:N0} schools: import at most {MaxRows:N0} at a time"]);
        }

        var rows = new List<SchoolRow>();
        var refused = new List<RefusedRow>();
        var urns = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var leads = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in data)
        {
            string Field(int column) => positions[column] < record.Fields.Count ? record.Fields[positions[column]].Trim() : string.Empty;
            var (name, urn, head, dsl) = (Field(0), Field(1), Field(2), Field(3));
            var reasons = new List<string>();
            if (name.Length == 0)
            {
                reasons.Add("Enter the school's name");
            }
            else if (name.Length > NameMaxLength)
            {
                reasons.Add($"The name must be {NameMaxLength} characters or fewer");
            }
            else if (names.TryGetValue(name, out var nameRow))
            {
                reasons.Add($"The name is repeated: row {nameRow} has a school of the same name");
            }

            if (urn.Length == 0)
            {
                reasons.Add("Enter the school's URN");
            }
            else if (!SchoolUrn.IsValid(urn))
            {
                reasons.Add($"The URN \"{Shorten(urn)}\" must be a number of {SchoolUrn.MinLength} or {SchoolUrn.MaxLength} digits");
            }
            else if (urns.TryGetValue(urn, out var urnRow))
            {
                reasons.Add($"The URN {urn} is repeated: row {urnRow} has it too");
            }

            CheckEmail(reasons, head, "head teacher's");
            CheckEmail(reasons, dsl, "designated safeguarding lead's");
            if (IsEmail(dsl) && leads.TryGetValue(dsl, out var leadRow))
            {
                reasons.Add($"{dsl} is the designated safeguarding lead on row {leadRow} too: a person leads one school's return");
            }

            if (reasons.Count > 0)
            {
                refused.Add(new RefusedRow(record.Row, Shorten(name), reasons));
                continue;
            }

            urns[urn] = record.Row;
            names[name] = record.Row;
            leads[dsl] = record.Row;
            rows.Add(new SchoolRow(record.Row, name, urn, head, dsl));
        }

        return new SchoolFile(rows, refused, []);
    }

    private static void CheckEmail(List<string> reasons, string email, string whose)
    {
        if (email.Length == 0)
        {
            reasons.Add($"Enter the {whose} email address");
        }
        else if (!IsEmail(email))
        {
            reasons.Add($"The {whose} email address \"{Shorten(email)}\" must be in the correct format, like name@example.com");
        }
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    private static string Normalise(string heading) =>
        new([.. heading.Trim().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>RFC 4180 records: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. Rows are numbered by the record's first line.</summary>
    private static IEnumerable<(int Row, List<string> Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var startLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (startLine, fields);
                fields = [];
                line++;
                startLine = line;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields);
        }
    }

    [GeneratedRegex(@"^[^@\s,;<>""]+@[^@\s,;<>""]+\.[^@\s,;<>"".]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}

/// <summary>A school the service already knows by its URN.</summary>
/// <param name="InPartnership">A member of the importing partnership.</param>
/// <param name="InOtherPartnerships">A member of another partnership too: its details are shared, and an import does not change them.</param>
public sealed record KnownSchool(Guid Id, string Name, string Urn, AgencyKind Kind, string? HeadTeacherEmail, bool InPartnership, bool InOtherPartnerships);

/// <summary>A person the service already knows by their email address, and their role in the importing partnership, if any.</summary>
public sealed record KnownPerson(string Email, string UserId, Access.Role? Role, Guid? AgencyId);

public enum SchoolAction
{
    /// <summary>A new school, made a member of the partnership.</summary>
    Add,

    /// <summary>A school of the partnership whose name or head teacher's email changes.</summary>
    Update,

    /// <summary>A school known to another partnership, made a member of this one too (its details kept).</summary>
    Join,

    /// <summary>Already a member, with the same details.</summary>
    Unchanged,
}

public enum LeadAction
{
    /// <summary>A new account, emailed an invitation to set a password.</summary>
    InviteNew,

    /// <summary>An existing account, given the school's agency lead role in this partnership.</summary>
    GiveRole,

    /// <summary>Already the school's agency lead here.</summary>
    Unchanged,
}

/// <summary>What importing one row will do.</summary>
public sealed record PlannedSchool(SchoolRow Row, SchoolAction School, LeadAction Lead, Guid? ExistingId)
{
    public bool ChangesNothing => School == SchoolAction.Unchanged && Lead == LeadAction.Unchanged;
}

/// <summary>The rows to import, what each does, and the rows refused (the file's and the database's reasons together, by row).</summary>
public sealed record SchoolImportPlan(IReadOnlyList<PlannedSchool> Schools, IReadOnlyList<RefusedRow> Refused)
{
    /// <summary>
    /// Matches the file's rows against what the service knows: a school by its URN (never by name);
    /// a designated safeguarding lead by their email address. A school already known elsewhere
    /// joins the partnership with its details as they are; a new school may not take another
    /// agency's name; a lead may hold one role in the partnership (InvitePerson's rule), so an
    /// address that already has another role here is refused.
    /// </summary>
    /// <param name="known">The schools and agencies known by the file's URNs.</param>
    /// <param name="takenNames">Names of agencies (any partnership) that equal one of the file's names, with the agency's URN.</param>
    /// <param name="people">The people known by the file's DSL email addresses.</param>
    public static SchoolImportPlan Make(SchoolFile file, IReadOnlyCollection<KnownSchool> known, IReadOnlyCollection<(string Name, string? Urn)> takenNames, IReadOnlyCollection<KnownPerson> people)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(takenNames);
        ArgumentNullException.ThrowIfNull(people);
        var byUrn = known.ToDictionary(k => k.Urn, StringComparer.Ordinal);
        var byEmail = people.GroupBy(p => p.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var planned = new List<PlannedSchool>();
        var refused = file.Refused.ToList();
        foreach (var row in file.Rows)
        {
            var reasons = new List<string>();
            byUrn.TryGetValue(row.Urn, out var school);
            if (school is not null && school.Kind != AgencyKind.School)
            {
                reasons.Add($"The URN {row.Urn} belongs to {school.Name}, which is not a school");
            }

            var action = school switch
            {
                null => SchoolAction.Add,
                { InPartnership: false } => SchoolAction.Join,
                { InOtherPartnerships: true } => SchoolAction.Unchanged,
                _ when school.Name != row.Name || !string.Equals(school.HeadTeacherEmail, row.HeadTeacherEmail, StringComparison.Ordinal) => SchoolAction.Update,
                _ => SchoolAction.Unchanged,
            };
            if (action is SchoolAction.Add or SchoolAction.Update
                && takenNames.FirstOrDefault(t => string.Equals(t.Name, row.Name, StringComparison.OrdinalIgnoreCase) && t.Urn != row.Urn) is { Name: not null } taken)
            {
                reasons.Add($"Another agency is already called {taken.Name}: give the school a name that tells them apart");
            }

            var lead = LeadAction.InviteNew;
            if (byEmail.TryGetValue(row.DslEmail, out var person))
            {
                if (person.Role is null)
                {
                    lead = LeadAction.GiveRole;
                }
                else if (person.Role == Access.Role.AgencyLead && school is not null && person.AgencyId == school.Id)
                {
                    lead = LeadAction.Unchanged;
                }
                else
                {
                    reasons.Add($"{row.DslEmail} already has another role in the partnership: a person holds one role in a partnership");
                }
            }

            if (reasons.Count > 0)
            {
                refused.Add(new RefusedRow(row.Row, row.Name, reasons));
            }
            else
            {
                planned.Add(new PlannedSchool(row, action, lead, school?.Id));
            }
        }

        return new SchoolImportPlan(planned, [.. refused.OrderBy(r => r.Row)]);
    }
}
