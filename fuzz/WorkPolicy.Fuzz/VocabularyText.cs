namespace WorkPolicy.Fuzz;

/// <summary>The sample vocabulary, embedded so the facts target needs no files.</summary>
internal static class VocabularyText
{
    public const string Text = """
vocabulary asn-indonesia {
  field employee.employment: one-of { pns, pppk, ptt, kontrak, honorer }
  field employee.position: one-of { jpt-pratama, administrator, pengawas, pelaksana, fungsional }
  field employee.echelon: one-of { I, II, III, IV, none } default none
  field employee.tier: number
  field employee.roles: set-of { guru, kepala-sekolah, tenaga-kependidikan, lurah, sekretaris-lurah, camat, kepala-uptd, kepala-tata-usaha, kepala-perangkat-daerah, kasubag-kepegawaian, petugas-kebersihan, sopir, petugas-operasional, petugas-lapangan, petugas-loket, pengadaan, keuangan }
  field employee.health.healthy: bool
  field employee.health.chronic: set-of { jantung, ginjal, paru, asma, diabetes, hipertensi }
  field employee.health.certified: bool
  field employee.health.pregnant: bool
  field employee.health.breastfeeding: bool
  field employee.it_capable: bool
  field unit.kind: one-of { sekretariat-daerah, sekretariat-dprd, dinas, badan, kantor, satuan, kecamatan, kelurahan, uptd, rsud, puskesmas, pustu, sekolah }
  field unit.agency: one-of { setda, setwan, dinkes, disdik, dishub, disdukcapil, damkar, satpol-pp, bapenda, bpbd, dpmptsp, bkpsdm, bappeda, dinsos, pupr, kominfo, kecamatan, kelurahan, rsud-andi-djemma, rsud-panglima-sebaya, rsud-kerang, rsud-sawerigading }
  field unit.school_level: one-of { tk, sd, smp }
  field unit.services: set-of { public-service, counter, essential, direct-service, critical }
  field region.ppkm.level: number
  field region.ppkm.active: bool
  define asn = employee.employment in { pns, pppk }
  define non-asn = employee.employment in { ptt, kontrak, honorer }
  define jpt-pratama = asn and (employee.position == jpt-pratama or employee.echelon == II)
  define administrator = asn and (employee.position == administrator or employee.echelon == III)
  define pengawas = asn and (employee.position == pengawas or employee.echelon == IV)
  define pelaksana = employee.position == pelaksana
  define structural = jpt-pratama or administrator or pengawas
  region kab-kutai-kartanegara name "Kabupaten Kutai Kartanegara" zone Asia/Makassar
  region kab-paser name "Kabupaten Paser" zone Asia/Makassar
  region kota-bukittinggi name "Kota Bukittinggi" zone Asia/Jakarta
  region kota-palopo name "Kota Palopo" zone Asia/Makassar
  region kab-luwu-utara name "Kabupaten Luwu Utara" zone Asia/Makassar
  region kota-balikpapan name "Kota Balikpapan" zone Asia/Makassar
}
""";
}
