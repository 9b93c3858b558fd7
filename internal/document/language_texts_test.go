package document

import "strings"

// Texts written for the language tests and benchmarks (none is taken from a corpus).

// langEnglishArticle is an English news article of about 3 KB.
var langEnglishArticle = `Fighting intensified around the provincial capital on Tuesday as government troops pushed into the
eastern districts that rebels had held since the spring, residents and aid workers said.

At least 14 civilians were killed when shells struck a crowded market near the bus station, according to a
local hospital director, who said his staff had treated more than 60 wounded people by the evening. Several of
the injured were children, and the hospital was running short of blood and surgical supplies.

The army said in a statement that its units had taken control of two bridges over the river and a former
police academy that the insurgents had used as a base. It accused the rebels of firing from residential
buildings and of preventing families from leaving the area. A rebel spokesman denied the claims and said the
fighters had withdrawn from the bridges in order to protect residents from further bombardment.

Humanitarian agencies warned that the fighting had cut the main road to the north, the only route by which
food and fuel reach the city. The United Nations said convoys carrying flour and medicine had been waiting at
a checkpoint for three days and called on both sides to let them pass. "People are sheltering in basements with
little water and no electricity," one aid worker said by telephone. "Every hour we wait, the situation gets worse."

Thousands of people have fled towards villages in the hills since the weekend, many of them on foot. Local
officials said schools and mosques in the surrounding district were now hosting displaced families, and that
there was not enough shelter for everyone who had arrived.

The latest offensive comes two weeks after talks between the government and the rebel coalition collapsed over
the question of who should control the city's airport. Diplomats said mediators were trying to arrange a new
meeting but that neither side had agreed to a ceasefire. Analysts expect the fighting to continue until one of
the two forces gains a clear advantage on the ground.

Journalists have been unable to reach the eastern districts independently, and casualty figures could not be
verified. Telephone and internet connections in large parts of the city have been down since Sunday night.
`

// langEnglishBulletin is English news with few function words: a live page that repeats its lines (the same
// alert, time-stamped updates, a share prompt after each), the text whose repetitions misled the trigram detector.
var langEnglishBulletin = strings.Repeat(`LIVE: Air raid alert across eastern regions.
Air raid alert ends.
Explosions reported near power station; emergency crews respond.
Share this update. Follow us for live coverage.
`, 30) + `Regional governor says two people injured, several homes damaged.
`

// langEnglishHeadlines is a list of English headlines: few function words, no repetition.
var langEnglishHeadlines = `Drone strike kills militant commander in mountainous region
Car bomb rips through busy market, dozens feared dead
Militia fighters abduct 30 villagers in overnight raid
Police fire tear gas at protesters demanding release of detained opposition leader
Shelling damages hospital; patients evacuated to neighbouring towns
Rebels seize airport outside northern provincial capital
Landmine blast kills herders grazing cattle near border
Gunmen storm village, burn homes
Mortar rounds land in town centre
Aid convoy attacked on main road, drivers missing
Curfew imposed after deadly riots
Troops retake strategic hilltop
Prison break frees hundreds of inmates
Refugee camp struck by rockets
`

// langForeign are news paragraphs in other languages, with the code each must be detected as.
var langForeign = []struct{ code, text string }{
	{"fr", `Les combats se sont intensifiés mardi autour de la capitale provinciale, où les troupes gouvernementales
ont progressé dans les quartiers de l'est tenus par les rebelles depuis le printemps, selon des habitants. Au moins
quatorze civils ont été tués lorsque des obus sont tombés sur un marché près de la gare routière, a indiqué le
directeur de l'hôpital, qui manque de sang et de matériel chirurgical.`},
	{"es", `Los combates se intensificaron el martes en torno a la capital provincial, donde las tropas del gobierno
avanzaron hacia los barrios del este que los rebeldes controlaban desde la primavera, según vecinos y trabajadores
humanitarios. Al menos catorce civiles murieron cuando varios proyectiles cayeron sobre un mercado cerca de la
estación de autobuses, informó el director del hospital local.`},
	{"de", `Die Kämpfe um die Provinzhauptstadt haben sich am Dienstag verschärft, nachdem Regierungstruppen in die
östlichen Bezirke vorgedrungen sind, die seit dem Frühjahr von Rebellen gehalten wurden. Nach Angaben eines
Krankenhausdirektors wurden mindestens vierzehn Zivilisten getötet, als Granaten auf einem belebten Markt in der
Nähe des Busbahnhofs einschlugen. Das Krankenhaus habe kaum noch Blutkonserven.`},
	{"sv", `Striderna kring provinshuvudstaden intensifierades på tisdagen när regeringstrupper trängde in i de östra
stadsdelarna som rebellerna har kontrollerat sedan i våras, uppger invånare och hjälparbetare. Minst fjorton
civila dödades när granater slog ner på en marknad nära busstationen, enligt sjukhusets chef, som säger att det
råder brist på blod och kirurgisk utrustning.`},
	{"ar", `اشتدت المعارك يوم الثلاثاء حول عاصمة المحافظة بعد أن تقدمت القوات الحكومية نحو الأحياء الشرقية التي
يسيطر عليها المتمردون منذ الربيع، بحسب سكان وعاملين في المجال الإنساني. وقتل ما لا يقل عن أربعة عشر مدنيا عندما
سقطت قذائف على سوق مزدحمة قرب محطة الحافلات، وفق مدير المستشفى المحلي الذي قال إن المستشفى يعاني نقصا في الدم.`},
	{"ru", `Во вторник бои вокруг административного центра провинции усилились: правительственные войска вошли в
восточные районы, которые повстанцы удерживали с весны, сообщили местные жители и сотрудники гуманитарных
организаций. По словам главного врача больницы, не менее четырнадцати мирных жителей погибли, когда снаряды
упали на рынок возле автовокзала.`},
}
