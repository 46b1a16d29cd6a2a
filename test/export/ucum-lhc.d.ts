// The few calls the tests make; @lhncbc/ucum-lhc ships no type declarations.
declare module '@lhncbc/ucum-lhc' {
  interface UcumLhcUtils { validateUnitString(unit: string, suggest?: boolean): { status: 'valid' | 'invalid' | 'error'; ucumCode: string | null } }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}
