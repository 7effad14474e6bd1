"""Every printed page: the therapist summary, the safety plan, the recovery-code sheet.

One engine (:mod:`.engine`) lays HTML out with Qt's text engine (QtGui only, never widgets) and
paints it into a PDF, onto a printer or into the preview; :mod:`.pdf` encrypts (AES-256, optional)
and writes the result atomically. Figures come through one seam, :mod:`.figures`.
"""
