/** The dossier's three Word files, by name, in the order the checklist lists them: what the CLI writes and the pane zips. */
import type { Criterion } from "../core/criteria";
import type { Dossier, DossierDocumentKind } from "../core/dossier";
import type { LetterModel } from "../core/letter";
import type { UnitScore } from "../core/scoring";
import { collectivesToDocx, submissionToDocx } from "./dossier-docx";
import { letterToDocx } from "./letter-docx";

export interface DossierFile {
  kind: DossierDocumentKind;
  fileName: string;
  bytes: Uint8Array;
}

export async function dossierFiles(
  run: { letter: LetterModel; scores: UnitScore[]; criteria: Criterion[] },
  dossier: Dossier,
): Promise<DossierFile[]> {
  const build: Record<DossierDocumentKind, () => Promise<Uint8Array>> = {
    "cong-van": () => letterToDocx(run.letter, run.scores, run.criteria),
    "danh-sach": () => collectivesToDocx(dossier),
    "to-trinh": () => submissionToDocx(dossier),
  };
  const files: DossierFile[] = [];
  for (const d of dossier.documents)
    files.push({ kind: d.kind, fileName: d.fileName, bytes: await build[d.kind]() });
  return files;
}
