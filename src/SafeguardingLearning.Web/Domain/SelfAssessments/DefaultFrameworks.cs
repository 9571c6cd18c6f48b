namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>
/// The frameworks shipped with the product. The Section 11 standards restate what Working Together
/// to Safeguard Children 2023 (chapter 2, "Organisational responsibilities") says organisations
/// covered by section 11 of the Children Act 2004 should have in place; the Section 175/157 standards
/// follow the parts of Keeping Children Safe in Education 2025, the statutory guidance schools and
/// colleges must have regard to under sections 175 and 157 of the Education Act 2002. The wording of
/// the questions is the product's own.
/// </summary>
public static class DefaultFrameworks
{
    public const string Section11Key = "section-11";
    public const string Section175Key = "section-175-157";

    private static readonly StatutoryLink[] Section11Sources = [StatutorySources.ChildrenAct2004Section11, StatutorySources.WorkingTogether2023];
    private static readonly StatutoryLink[] SchoolSources = [StatutorySources.EducationAct2002Section175, StatutorySources.EducationAct2002Section157, StatutorySources.Kcsie2025];

    public static FrameworkTemplate Section11 { get; } = new(
        Section11Key,
        FrameworkKind.Section11,
        "Section 11 self-assessment",
        "Working Together 2023",
        RatingScale.Rag,
        [
            Standard("s11-1", "Senior management commitment to safeguarding",
                "Working Together 2023 (chapter 2) asks for a senior board-level lead with the knowledge, skills and experience to take leadership responsibility for the organisation's safeguarding arrangements, and a culture of safety, equality and protection within its services.",
                Section11Sources,
                ("s11-1a", "Who is the senior board-level lead for safeguarding children, and how do they lead the organisation's arrangements?"),
                ("s11-1b", "How does the board or senior leadership team receive and challenge reports on safeguarding?"),
                ("s11-1c", "How is the importance of safeguarding children set out in the organisation's strategy and business plans?")),
            Standard("s11-2", "A clear statement of the agency's responsibilities towards children, available to all staff",
                "Working Together 2023 (chapter 2) expects every organisation covered by section 11 to set out its responsibilities for safeguarding and promoting the welfare of children, and to have clear whistleblowing and escalation procedures that staff know about.",
                Section11Sources,
                ("s11-2a", "Where are the organisation's safeguarding responsibilities set out, and how is every member of staff made aware of them?"),
                ("s11-2b", "Are there clear whistleblowing procedures, known to staff, for raising concerns about practice?"),
                ("s11-2c", "Is there an escalation policy for staff whose concerns about a child are not being addressed, and is it used?")),
            Standard("s11-3", "A clear line of accountability for work on safeguarding",
                "Working Together 2023 (chapter 2) asks for a clear line of accountability for the commissioning and provision of services designed to safeguard and promote the welfare of children, and for designated practitioners for child safeguarding.",
                Section11Sources,
                ("s11-3a", "Who is accountable, at each level, for the safeguarding of children in the services the organisation provides or commissions?"),
                ("s11-3b", "Who are the designated or named practitioners for child safeguarding, and do staff know how to reach them?"),
                ("s11-3c", "How do commissioned and contracted services account to the organisation for their safeguarding arrangements?")),
            Standard("s11-4", "Service development that takes account of safeguarding and is informed by the views of children and families",
                "Working Together 2023 (chapter 2) asks for a culture of listening to children and taking account of their wishes and feelings, both in individual decisions and in the development of services.",
                Section11Sources,
                ("s11-4a", "How is the need to safeguard children considered when services are planned, changed or commissioned?"),
                ("s11-4b", "How are the views of children, young people and families gathered, and how have they changed the services?"),
                ("s11-4c", "How does practice with individual children record and take account of their wishes and feelings?")),
            Standard("s11-5", "Staff training on safeguarding and promoting the welfare of children",
                "Working Together 2023 (chapter 2) asks for appropriate supervision and support for staff, including safeguarding training, so that everyone who works with children knows their responsibilities.",
                Section11Sources,
                ("s11-5a", "What safeguarding training does each group of staff receive, how often, and what proportion is up to date?"),
                ("s11-5b", "How are staff supported and supervised in their safeguarding work?"),
                ("s11-5c", "How does the organisation check that training changes practice, including the partnership's multi-agency training?")),
            Standard("s11-6", "Safer recruitment, vetting procedures and managing allegations",
                "Working Together 2023 (chapter 2) asks for safe recruitment practices and ongoing safe working practices for everyone the organisation permits to work regularly with children, including when to obtain a criminal record check, and a clear policy for dealing with allegations against people who work with children.",
                Section11Sources,
                ("s11-6a", "How are people who work with children recruited and vetted, including criminal record checks and their renewal?"),
                ("s11-6b", "Is there a clear policy for dealing with allegations against people who work with children, and are allegations referred to the designated officer?"),
                ("s11-6c", "How are volunteers, agency staff and contractors covered by the same checks?")),
            Standard("s11-7", "Effective inter-agency working to safeguard and promote the welfare of children",
                "Working Together 2023 (chapters 2 and 3) expects organisations to work together with the safeguarding partners and other agencies to identify and meet children's needs, including through early help.",
                Section11Sources,
                ("s11-7a", "How does the organisation take part in the partnership's arrangements, its reviews, audits and training?"),
                ("s11-7b", "How do staff identify children who need early help and work with other agencies to provide it?"),
                ("s11-7c", "How are disagreements between agencies about a child resolved, and is the partnership's escalation procedure used?")),
            Standard("s11-8", "Effective information sharing",
                "Working Together 2023 (chapter 2) asks for arrangements that set out clearly the processes for sharing information with other practitioners and with the safeguarding partners; fears about sharing information must not stand in the way of protecting children.",
                Section11Sources,
                ("s11-8a", "Are there clear procedures for sharing information about children with other agencies, and do staff know them?"),
                ("s11-8b", "How are staff supported to share information promptly when a child may be at risk of harm?"),
                ("s11-8c", "How are records of information shared, and decisions not to share, kept?")),
        ]);

    public static FrameworkTemplate Section175 { get; } = new(
        Section175Key,
        FrameworkKind.Section175,
        "Section 175/157 self-assessment for schools and colleges",
        "Keeping Children Safe in Education 2025",
        RatingScale.Rag,
        [
            Standard("s175-1", "Roles and responsibilities",
                "Keeping Children Safe in Education 2025 (parts one and two) sets out the responsibilities of governing bodies, proprietors and management committees, the headteacher and the designated safeguarding lead.",
                SchoolSources,
                ("s175-1a", "Who is the designated safeguarding lead, and do they have the time, training and authority the role needs?"),
                ("s175-1b", "How does the governing body or proprietor oversee the school's or college's safeguarding arrangements?"),
                ("s175-1c", "Are deputy designated safeguarding leads in place to cover the lead's absence?")),
            Standard("s175-2", "Safeguarding policies and procedures",
                "Keeping Children Safe in Education 2025 (part two) expects an effective child protection policy, a behaviour policy and a staff code of conduct, reviewed annually and available publicly.",
                SchoolSources,
                ("s175-2a", "Is the child protection policy reviewed annually, published, and in line with the partnership's procedures?"),
                ("s175-2b", "Do staff have and understand the staff behaviour policy (code of conduct), including whistleblowing?")),
            Standard("s175-3", "Safeguarding training",
                "Keeping Children Safe in Education 2025 (part two) asks that all staff receive safeguarding and child protection training at induction, regularly updated, and that the designated safeguarding lead's training is refreshed at least every two years.",
                SchoolSources,
                ("s175-3a", "Have all staff had safeguarding and child protection training at induction and regular updates?"),
                ("s175-3b", "Has every member of staff read at least part one of Keeping Children Safe in Education?"),
                ("s175-3c", "Is the designated safeguarding lead's training refreshed at least every two years?")),
            Standard("s175-4", "Safer recruitment and the single central record",
                "Keeping Children Safe in Education 2025 (part three) sets out safer recruitment, the pre-appointment checks and the single central record every school and college must keep.",
                SchoolSources,
                ("s175-4a", "Does at least one person on every interview panel hold safer recruitment training?"),
                ("s175-4b", "Is the single central record complete and up to date, and who checks it?"),
                ("s175-4c", "Are online searches and references taken up for shortlisted candidates?")),
            Standard("s175-5", "Allegations against staff and low-level concerns",
                "Keeping Children Safe in Education 2025 (part four) sets out how allegations that may meet the harm threshold are dealt with, and how low-level concerns about staff are shared and recorded.",
                SchoolSources,
                ("s175-5a", "Are allegations against staff, supply staff, volunteers and contractors referred to the local authority designated officer?"),
                ("s175-5b", "Is there a low-level concerns policy, and are such concerns recorded and reviewed for patterns?")),
            Standard("s175-6", "Online safety, including filtering and monitoring",
                "Keeping Children Safe in Education 2025 (part two) expects a whole-school approach to online safety and appropriate filtering and monitoring systems that meet the Department for Education's filtering and monitoring standards.",
                SchoolSources,
                ("s175-6a", "Are filtering and monitoring systems in place, reviewed at least annually and understood by staff?"),
                ("s175-6b", "Who is responsible for filtering and monitoring, and how are concerns it raises acted on?"),
                ("s175-6c", "How are pupils, parents and carers taught and told about staying safe online?")),
            Standard("s175-7", "Child-on-child abuse",
                "Keeping Children Safe in Education 2025 (parts two and five) expects policies and procedures for child-on-child abuse, including sexual violence and sexual harassment, and support for every child affected.",
                SchoolSources,
                ("s175-7a", "Does the child protection policy set out how child-on-child abuse is prevented, reported and responded to?"),
                ("s175-7b", "How are reports of sexual violence and sexual harassment risk-assessed and the children supported?")),
            Standard("s175-8", "Teaching about safeguarding",
                "Keeping Children Safe in Education 2025 (part two) expects children to be taught about safeguarding, including online safety and healthy relationships, through the curriculum.",
                SchoolSources,
                ("s175-8a", "How does the curriculum, including relationships, sex and health education, teach pupils to keep themselves safe?"),
                ("s175-8b", "How is teaching adapted for vulnerable pupils and those with special educational needs and disabilities?")),
            Standard("s175-9", "Records and information sharing",
                "Keeping Children Safe in Education 2025 (part two) asks that concerns and decisions are recorded in writing, that records are kept securely, and that child protection files are transferred when a child moves school.",
                SchoolSources,
                ("s175-9a", "Are concerns, discussions, decisions and their reasons recorded promptly and kept securely?"),
                ("s175-9b", "Are child protection files transferred securely and separately when a child leaves?"),
                ("s175-9c", "Do staff know that fears about sharing information must not stand in the way of keeping children safe?")),
            Standard("s175-10", "Attendance and children missing education",
                "Keeping Children Safe in Education 2025 (part two) asks schools and colleges to respond to children who are absent, especially repeatedly or for long periods, as a possible sign of abuse, and to tell the local authority of children missing education.",
                SchoolSources,
                ("s175-10a", "How are unexplained and persistent absences followed up as a possible safeguarding concern?"),
                ("s175-10b", "Is the local authority told when a pupil is removed from the roll or goes missing from education?")),
            Standard("s175-11", "Early help and multi-agency working",
                "Keeping Children Safe in Education 2025 (part two) and Working Together 2023 expect schools and colleges to identify children who may need early help and to work with the safeguarding partners and local agencies.",
                [.. SchoolSources, StatutorySources.WorkingTogether2023],
                ("s175-11a", "How are children who may need early help identified, and how does the school take part in early help assessments?"),
                ("s175-11b", "How does the school or college work with the partnership's arrangements, including its threshold document?")),
            Standard("s175-12", "A culture of safeguarding and pupils' voice",
                "Keeping Children Safe in Education 2025 (part one) asks for a child-centred culture in which children feel able to raise concerns and know they will be taken seriously.",
                SchoolSources,
                ("s175-12a", "How do pupils know whom to talk to, and how are their views about feeling safe gathered?"),
                ("s175-12b", "How do staff show that they would act on a concern, in the belief that it could happen here?")),
        ]);

    public static IReadOnlyList<FrameworkTemplate> All { get; } = [Section11, Section175];

    public static FrameworkTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    private static StandardTemplate Standard(string key, string title, string guidance, IReadOnlyList<StatutoryLink> sources, params (string Key, string Text)[] questions) =>
        new(key, title, guidance, sources, [.. questions.Select(q => new QuestionTemplate(q.Key, q.Text))]);
}
