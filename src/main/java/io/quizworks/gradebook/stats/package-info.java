/**
 * Item analysis: how each question of a quiz and the quiz as a whole performed, from an
 * {@link io.quizworks.gradebook.stats.ItemMatrix} of points (and choices picked) to an
 * {@link io.quizworks.gradebook.stats.ItemAnalysis}. Pure: no I/O, no clock, no database.
 *
 * <h2>Input</h2>
 * N students by K items. A cell holds what a student earned on an item they were presented (0 to the item's
 * max) and, for a choice item, the labels they picked; a cell is absent when the item was not presented to
 * that student (quizzes may draw random subsets). "Presented but unanswered" is 0 points, no picks.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>Standard deviations and variances</b> are population ones, dividing by n (not n − 1), everywhere
 *       ({@link io.quizworks.gradebook.stats.ItemAnalysis#STANDARD_DEVIATION_KIND}). This keeps KR-20
 *       (whose p·q is a population variance) and Cronbach's alpha on the same footing, and a single student
 *       has a standard deviation of 0 rather than an undefined one.
 *   <li><b>A student's score</b> is the proportion of the available points they earned: points earned on the
 *       items they were presented divided by the max points of those items (0 to 1). When every student is
 *       presented every item, this is simply total / max total.
 *   <li><b>Rest score</b> of a student for item j: the same proportion computed over the items they were
 *       presented <em>other than</em> j. It is undefined for a student presented item j alone. Using a
 *       proportion rather than raw points makes students presented different items comparable; when every
 *       student was presented every item it is (total − item) / (max total − item max), a linear rescaling
 *       of the raw rest total, so correlations are the same as with raw totals.
 *   <li><b>Per item</b>: n = students presented it; mean score and facility = mean score / max points over
 *       those n; standard deviation of the item's points over those n; <b>discrimination</b> = corrected
 *       item–total correlation = Pearson correlation between the item's points and the rest score, over the
 *       students presented the item and at least one other. It is undefined (with a reason) when fewer than
 *       two such students exist or when either series is constant (values within
 *       1e-9 of their scale of one another count as equal, so rounding noise is not correlated).
 *   <li><b>Choices</b>: for each choice, how many of the n students picked it and that count divided by n;
 *       students presented the item who picked nothing are counted separately ({@code pickedNone}).
 *   <li><b>Top and bottom thirds</b> (per item): the students with a rest score for the item are sorted by
 *       rest score, highest first; ties keep the matrix's row order (the sort is stable). With m such
 *       students the groups have g = min(ceil(m / 3), floor(m / 2)) students each: the top group is the
 *       first g, the bottom group the last g, and they never overlap (m = 6 gives 2 and 2, m = 7 gives 3
 *       and 3, m = 1 gives no groups).
 *   <li><b>Per quiz</b>: mean, median (mean of the two middle values for an even count) and standard
 *       deviation of the students' scores, over the students presented at least one item.
 *   <li><b>Reliability</b> is computed on the items presented to at least one student, over the
 *       <em>complete cases</em>: the students presented every one of those items (with random subsets, pass
 *       {@link io.quizworks.gradebook.stats.ItemMatrix#restrictedTo} the items every student saw). With k
 *       items, item variances σᵢ² and total-points variance σₓ² over the complete cases, Cronbach's alpha is
 *       k/(k−1)·(1 − Σσᵢ²/σₓ²). When every item is dichotomous (max 1, every recorded score 0 or 1) KR-20 is
 *       k/(k−1)·(1 − Σpᵢqᵢ/σₓ²) with pᵢ the proportion correct, which equals alpha; otherwise KR-20 is
 *       undefined. Both need k ≥ 2, at least two complete cases and complete cases that differ in total.
 *   <li><b>Standard error of measurement</b> = SD·sqrt(1 − alpha), with SD the standard deviation of the
 *       complete cases' scores as a proportion (the students alpha is computed on), so it reads in the same
 *       unit as the quiz's mean and standard deviation;
 *       {@link io.quizworks.gradebook.stats.QuizStatistics#standardErrorOfMeasurementInPoints()} gives it in
 *       points.
 * </ul>
 *
 * <h2>Flags</h2>
 * Facility below {@link io.quizworks.gradebook.stats.ItemAnalysis#VERY_HARD_BELOW} (very hard) or above
 * {@link io.quizworks.gradebook.stats.ItemAnalysis#VERY_EASY_ABOVE} (very easy); a defined discrimination
 * below {@link io.quizworks.gradebook.stats.ItemAnalysis#LOW_DISCRIMINATION_BELOW} (does not separate strong
 * from weak students; an undefined one raises no flag, its reason says why); a distractor none of the n
 * students picked; a distractor picked by more students of the top third than of the bottom third. All
 * comparisons are strict. Each flag carries a sentence for teachers.
 *
 * <p>No statistic is ever NaN or infinite: each is a {@link io.quizworks.gradebook.stats.Statistic}, a value
 * or a reason why there is none (nobody was presented the item, a single student, no variance, …).
 */
package io.quizworks.gradebook.stats;
