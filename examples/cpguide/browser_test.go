package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// measureScript is put into a copy of the report (the report itself has no
// script) to measure it as the browser lays it out: the viewport width, the
// page's width (wider means horizontal overflow) and the smallest SVG text
// in CSS pixels (its font size times the drawing's scale on screen). The
// copy runs in a frame of the width tested, and posts what it measured to
// the page holding the frames.
const measureScript = `<script>
(function () {
  var min = Infinity, n = 0;
  document.querySelectorAll("svg text").forEach(function (t) {
    var m = t.getScreenCTM();
    var px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (px < min) { min = px; }
    n++;
  });
  parent.postMessage({id: location.hash.slice(1), innerWidth: innerWidth,
    scrollWidth: document.documentElement.scrollWidth, svgTexts: n, minSvgTextPx: n ? min : 0}, "*");
})();
</script>
`

// frames is a page of frames, one per page and width: a headless window
// cannot be narrower than 500 px, but a frame in it can. It collects what
// each frame posts into <pre id="cpguide-measure">.
func frames(widthsByPage map[string][]int, height int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"/><style>body { margin: 0; } iframe { border: 0; display: inline-block; vertical-align: top; margin: 0 8px 8px 0; }</style></head><body>
<pre id="cpguide-measure">{}</pre>
<script>
var results = {};
addEventListener("message", function (e) {
  results[e.data.id] = e.data;
  document.getElementById("cpguide-measure").textContent = JSON.stringify(results);
});
</script>
`)
	for _, page := range slices.Sorted(maps.Keys(widthsByPage)) {
		for _, w := range widthsByPage[page] {
			fmt.Fprintf(&b, `<iframe src="%s#%s-%d" width="%d" height="%d"></iframe>`+"\n", filepath.Base(page), strings.TrimSuffix(filepath.Base(page), ".html"), w, w, height)
		}
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

var measured = regexp.MustCompile(`<pre id="cpguide-measure">([^<]*)</pre>`)

// findBrowser returns a headless-capable Chromium: $CPGUIDE_CHROMIUM, or
// the first of chromium, chromium-browser, google-chrome on the PATH.
func findBrowser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CPGUIDE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("CPGUIDE_BROWSER_TEST=1 but no chromium on the PATH (apt-get install -y chromium, or set CPGUIDE_CHROMIUM)")
	return ""
}

// chromium runs the browser headless on one page with a window of the
// given size, a fresh profile and nothing that reaches the network.
func chromium(t *testing.T, bin, page string, width, height int, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
		fmt.Sprintf("--window-size=%d,%d", width, height), "--virtual-time-budget=5000"}, extra...)
	cmd := exec.CommandContext(ctx, bin, append(args, "file://"+page)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "chromium: %s", stderr.String())
	return out
}

// The HTML report in a real browser (headless Chromium), at a phone's
// width (420 px) and a desktop's (1100 px): no horizontal overflow of the
// page, and no SVG text under 10 CSS px. Screenshots (one per sample, the
// two widths side by side) are kept in $CPGUIDE_ARTEFACTS (default: a
// cpguide-browser directory in the system's temporary directory), never in
// the repository. Skipped unless CPGUIDE_BROWSER_TEST=1, which .ci/run sets
// after installing chromium.
//
// It drives the browser with its own command line (--dump-dom after a
// measuring script, --screenshot) rather than the DevTools protocol, so it
// needs no Go dependency; each width is a frame of that width, since a
// headless window cannot be narrower than 500 px.
func TestReport_InBrowser_NoOverflowAndReadableText(t *testing.T) {
	if os.Getenv("CPGUIDE_BROWSER_TEST") != "1" {
		t.Skip("set CPGUIDE_BROWSER_TEST=1 to render the report in headless Chromium")
	}
	bin := findBrowser(t)
	art := os.Getenv("CPGUIDE_ARTEFACTS")
	if art == "" {
		art = filepath.Join(os.TempDir(), "cpguide-browser")
	}
	art, err := filepath.Abs(art)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(art, 0o755))
	t.Logf("screenshots in %s", art)
	widths := []int{420, 1100}
	samples := []sample{
		{"several-breaches", cases + "several-breaches.json", "2026-06-15"},
		{"reviews-referral", cases + "reviews-referral.json", "2026-10-30"},
		{"pre-discharge-owed", preDischargeOwed, "2026-06-10"},
	}
	measuring := map[string][]int{}
	for _, s := range samples {
		code, page, errs := runCLI("report", s.path, "--today", s.today, "--html", "-")
		require.Equal(t, 0, code, errs)
		require.NotContains(t, page, "<script", "the report itself has no script")
		require.NoError(t, os.WriteFile(filepath.Join(art, s.name+".html"), []byte(page), 0o644))
		m := filepath.Join(art, s.name+".measure.html")
		require.NoError(t, os.WriteFile(m, []byte(strings.Replace(page, "</body>", measureScript+"</body>", 1)), 0o644))
		measuring[m] = widths
	}
	all := filepath.Join(art, "measure.html")
	require.NoError(t, os.WriteFile(all, []byte(frames(measuring, 900)), 0o644))
	dom := chromium(t, bin, all, 1600, 1000, "--dump-dom")
	m := measured.FindSubmatch(dom)
	require.NotNil(t, m, "the page of frames was dumped")
	type measure struct {
		InnerWidth, ScrollWidth, SvgTexts int
		MinSvgTextPx                      float64
	}
	var got map[string]measure
	require.NoError(t, json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got))
	for _, s := range samples {
		for _, w := range widths {
			t.Run(fmt.Sprintf("%s/%dpx", s.name, w), func(t *testing.T) {
				g, ok := got[fmt.Sprintf("%s.measure-%d", s.name, w)]
				require.True(t, ok, "the measuring script ran in the frame")
				t.Logf("%+v", g)
				assert.Equal(t, w, g.InnerWidth, "the frame is as wide as asked")
				assert.LessOrEqual(t, g.ScrollWidth, g.InnerWidth, "horizontal overflow")
				assert.Positive(t, g.SvgTexts)
				assert.GreaterOrEqual(t, g.MinSvgTextPx, 10.0, "SVG text under 10 CSS px")
			})
		}
	}
	for _, s := range samples {
		page := filepath.Join(art, s.name+".html")
		shots := filepath.Join(art, s.name+".frames.html")
		require.NoError(t, os.WriteFile(shots, []byte(frames(map[string][]int{page: widths}, 2400)), 0o644))
		shot := filepath.Join(art, s.name+".png")
		chromium(t, bin, shots, 1560, 2420, "--screenshot="+shot)
		st, err := os.Stat(shot)
		require.NoError(t, err)
		assert.Positive(t, st.Size())
	}
}
