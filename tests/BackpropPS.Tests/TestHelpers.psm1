# Assertions the Pester tests share. Pester 5 has no tolerance assertion, hence Assert-Close.

function Assert-Close {
    # Fails unless |Actual - Expected| <= Tolerance.
    param([double] $Actual, [double] $Expected, [double] $Tolerance = 1e-12, [string] $Because)
    [math]::Abs($Actual - $Expected) | Should -BeLessOrEqual $Tolerance -Because "$Because expected $Expected, got $Actual"
}

function Get-ErrorRecord {
    # Runs $Script, which must fail, checks the ErrorId (and category) and returns the ErrorRecord.
    param([scriptblock] $Script, [string] $ErrorId, [string] $Category)
    $record = $null
    try { & $Script } catch { $record = $_ }
    $record | Should -Not -BeNullOrEmpty -Because 'the command must fail'
    $record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    if ($Category) { $record.CategoryInfo.Category | Should -Be $Category }
    $record
}

Export-ModuleMember -Function Assert-Close, Get-ErrorRecord
