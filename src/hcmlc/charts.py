"""Charts of the progress report: an indicator's values by year and its target, as PNG bytes.

Drawn with matplotlib's object API (no pyplot state) on the Agg canvas, in DejaVu Sans, which
matplotlib ships and which covers every Vietnamese letter. The PNG carries no software or date
stamp, so the same data gives the same bytes.
"""

from __future__ import annotations

import io
import textwrap

from hcmlc.form import Lang, format_number
from hcmlc.report import Chart

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 7.5, 150
LINE, TARGET, BASELINE = "#1f5fa8", "#c0392b", "#7f8c8d"
FONT = "DejaVu Sans"
TITLE_CHARACTERS = 66
"""Characters per title line that fit the chart's width at its font size."""


def render_chart(chart: Chart, lang: Lang) -> bytes:
    """The chart as a PNG image."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    with matplotlib.rc_context({"font.family": FONT, "font.size": 9, "axes.titlesize": 10}):
        figure = Figure(figsize=(WIDTH_CM / 2.54, HEIGHT_CM / 2.54), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.plot(
            chart.years, chart.values, marker="o", color=LINE, linewidth=2, label=chart.value_label
        )
        for year, value in zip(chart.years, chart.values, strict=True):
            axes.annotate(
                format_number(value, lang),
                (year, value),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
                color=LINE,
            )
        if chart.target is not None:
            axes.axhline(
                chart.target, color=TARGET, linestyle="--", linewidth=1.5, label=chart.target_label
            )
        if chart.baseline_year is not None:
            axes.axvline(chart.baseline_year, color=BASELINE, linestyle=":", linewidth=1)
        title = textwrap.wrap(chart.title, TITLE_CHARACTERS, max_lines=3, placeholder=" …")
        axes.set_title("\n".join(title), loc="left")
        axes.set_xlabel(chart.year_label)
        axes.set_ylabel(chart.value_label)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(round(v, 6), lang)))
        axes.margins(x=0.15, y=0.25)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2, fontsize=8, frameon=False
        )
        figure.tight_layout()
        output = io.BytesIO()
        figure.savefig(output, format="png", metadata={"Software": None})
    return output.getvalue()
