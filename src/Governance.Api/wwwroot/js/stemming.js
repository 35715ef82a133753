// Progressive enhancement of the live tally (Pages/Allianties/_Stemmingsstand.cshtml). Without this script the
// page works as it is, with a "Vernieuwen" link. With it, each block with a data-stream listens to the tally's
// server-sent events and, on every change, re-reads the public projector page (data-source) and puts its copy of
// the figures in place; the one-line summary sits in an aria-live="polite" region, so screen readers hear it.
(function () {
    'use strict';
    if (!('EventSource' in window) || !window.fetch || !window.DOMParser) return;

    document.querySelectorAll('[data-stemmingsstand]').forEach(function (panel) {
        // A closed vote has an empty data-stream: nothing changes any more.
        if (!panel.getAttribute('data-stream')) return;
        var busy = false;
        var again = false;

        function refresh() {
            if (busy) { again = true; return; }
            busy = true;
            fetch(panel.getAttribute('data-source'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
                .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
                .then(function (html) {
                    var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-stemmingsstand]');
                    if (!fresh) return;
                    panel.querySelector('[data-stand]').innerHTML = fresh.querySelector('[data-stand]').innerHTML;
                    var live = panel.querySelector('[data-samenvatting]');
                    var text = fresh.querySelector('[data-samenvatting]').textContent;
                    if (live.textContent !== text) live.textContent = text;
                    panel.setAttribute('data-version', fresh.getAttribute('data-version'));
                })
                .catch(function () { /* The "Vernieuwen" link still works. */ })
                .then(function () {
                    busy = false;
                    if (again) { again = false; refresh(); }
                });
        }

        var source = new EventSource(panel.getAttribute('data-stream'));
        source.addEventListener('tally', function (event) {
            // The stream starts with the version the page already shows.
            if (event.lastEventId && event.lastEventId === panel.getAttribute('data-version')) return;
            refresh();
        });
    });
})();
