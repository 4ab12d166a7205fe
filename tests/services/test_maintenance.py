"""Start-up housekeeping: integrity check, one daily backup kept for 14 days, search ranks refreshed."""

from datetime import timedelta

from kkmp_pos.db.backup import check_file
from kkmp_pos.db.models import ProductPopularityModel


def test_startup_backs_up_once_a_day_and_refreshes_ranks(till):
    ProductPopularityModel.delete().execute()
    report = till.maintenance.run_startup()
    assert report.integrity_ok and report.problem is None
    assert report.backup is not None and check_file(report.backup).ok
    assert report.ranks_refreshed and ProductPopularityModel.select().count() > 0
    again = till.maintenance.run_startup()
    assert again.backup is None and not again.ranks_refreshed


def test_only_the_last_14_daily_backups_are_kept(till):
    real = till.ctx.clock
    start = real()
    for day in range(20):
        till.ctx.clock = lambda d=day: start + timedelta(days=d)
        till.maintenance.daily_backup()
    till.ctx.clock = real
    assert len(list(till.maintenance.backup_dir.glob("kkmp-pos-*.db"))) == 14
